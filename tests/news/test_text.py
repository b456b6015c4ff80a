import pytest

from unionsite.text import fold_vietnamese, vn_slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đại hội điểm công đoàn", "dai-hoi-diem-cong-doan"),
        ("ĐẠI HỘI ĐIỂM", "dai-hoi-diem"),
        ("Ðại hội (chữ Ð latinh)", "dai-hoi-chu-d-latinh"),
        ("Nhiệm kỳ 2023 – 2028!", "nhiem-ky-2023-2028"),
        ("  Thọ Xuân, Thanh Hóa  ", "tho-xuan-thanh-hoa"),
        ("Người lao động được hưởng lương", "nguoi-lao-dong-duoc-huong-luong"),
        ("!!! ---", ""),
    ],
)
def test_vn_slugify_keeps_vietnamese_letters_readable(text, slug):
    assert vn_slugify(text) == slug


def test_vn_slugify_truncates_on_a_word_boundary_dash():
    slug = vn_slugify("đại hội " * 50, max_length=20)
    assert slug == "dai-hoi-dai-hoi-dai"
    assert len(slug) <= 20


def test_fold_vietnamese_lowercases_and_removes_diacritics():
    assert fold_vietnamese("Một số giải pháp ĐẠI HỘI  Điểm") == "mot so giai phap dai hoi diem"


def test_fold_vietnamese_treats_decomposed_and_composed_text_alike():
    decomposed = "Đại hội".replace("ạ", "a\u0323").replace("ộ", "o\u0302\u0323")
    assert fold_vietnamese(decomposed) == fold_vietnamese("Đại hội") == "dai hoi"
