import random

from congresses.collation import vietnamese_sort_key, vietnamese_sort_string
from congresses.models import Organisation
from tests.factories import make_union

EXPECTED = [
    "Ba Đình",
    "Bá Thước",
    "Bà Triệu",
    "Cẩm Thủy",
    "Dân",
    "Dân Lực",
    "Đông Sơn",
    "Ông",
    "Ơn",
    "Thọ Xuân",
    "Yên Định",
]


def test_sort_key_puts_d_stroke_after_d_and_tones_after_base_letter():
    shuffled = EXPECTED[:]
    random.Random(4).shuffle(shuffled)
    assert sorted(shuffled, key=vietnamese_sort_key) == EXPECTED


def test_sort_key_orders_tones_none_grave_hook_tilde_acute_dot():
    assert sorted(["má", "mạ", "mả", "ma", "mã", "mà"], key=vietnamese_sort_key) == [
        "ma",
        "mà",
        "mả",
        "mã",
        "má",
        "mạ",
    ]


def test_sort_key_letters_decide_before_tones():
    # "Bá Thước" has a tone on the first word but "Ba Đình" wins on the letter đ < t.
    assert sorted(["Bá Thước", "Ba Đình"], key=vietnamese_sort_key) == ["Ba Đình", "Bá Thước"]
    # a < ă < â regardless of tones.
    assert sorted(["Ấn", "Ăn", "Án"], key=vietnamese_sort_key) == ["Án", "Ăn", "Ấn"]


def test_sort_key_ignores_case_and_repeated_spaces():
    assert sorted(["đông", "Dân", "ĐÔNG A", "dân  b"], key=vietnamese_sort_key) == [
        "Dân",
        "dân  b",
        "đông",
        "ĐÔNG A",
    ]


def test_sort_string_agrees_with_sort_key():
    names = [*EXPECTED, "ma", "mà", "mả", "Ba", "Bác", "Bạc", "Ba2", "Xã 10", "Xã 9"]
    assert sorted(names, key=vietnamese_sort_string) == sorted(names, key=vietnamese_sort_key)


def test_database_orders_organisations_in_vietnamese_order(tho_xuan):
    shuffled = EXPECTED[:]
    random.Random(7).shuffle(shuffled)
    for name in shuffled:
        make_union(tho_xuan, name)
    names = list(Organisation.objects.grassroots().values_list("name", flat=True))
    assert names == EXPECTED
