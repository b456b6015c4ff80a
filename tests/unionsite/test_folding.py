"""Admin search and autocompletes ignore diacritics and case, with reader search's one rule."""

import json
import unicodedata

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.db import connection
from django.db.models import CharField, TextField
from django.urls import reverse
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field

from congresses.models import Organisation, StaffAssignment
from congresses.permissions import DISTRICT_STAFF_GROUP
from news.models import Article, Tag
from unionsite.folding import _RANGES
from unionsite.text import fold_vietnamese

SAMPLES = [
    "Công đoàn trường THCS Ánh Sơn",
    unicodedata.normalize("NFD", "Xuân Lập – Đường Ngọc Lặc"),
    "ĐẠI HỘI  điểm\u00a0Thọ\tXuân ",
    "Ðại hội (Ð lookalike)",
    "Nguyễn Thị Hường <huong@thanhhoa.vn>",
    "ǅemal Ĳssel ŀl",
    "",
]


def db_fold(values: list[str]) -> list[str]:
    with connection.cursor() as cursor:
        result = []
        for value in values:
            cursor.execute("SELECT unionsite_fold(%s)", [value])
            result.append(cursor.fetchone()[0])
    return result


@pytest.mark.django_db
def test_database_fold_equals_python_fold_on_sample_text():
    assert db_fold(SAMPLES) == [fold_vietnamese(s) for s in SAMPLES]
    assert db_fold(["Ánh Sơn"]) == ["anh son"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_fold_function_agrees_with_python_for_every_latin_letter_and_mark():
    chars = [chr(code) for start, end in _RANGES for code in range(start, end)]
    # Each character between ASCII letters, so the comparison also covers deleted marks.
    texts = [f"a{char}Z" for char in chars]
    differ = [
        (text, ours, python)
        for text, ours, python in zip(
            texts, db_fold(texts), map(fold_vietnamese, texts), strict=True
        )
        if ours != python
    ]
    assert differ == []


def _union(federation, name, **fields):
    return Organisation.objects.create(
        parent=federation, name=name, level=Organisation.Level.GRASSROOTS, **fields
    )


@pytest.fixture
def unions(db):
    province = Organisation.objects.create(
        name="Liên đoàn Lao động tỉnh Thanh Hóa", code="THANHHOA", level="province"
    )
    tho_xuan = Organisation.objects.create(
        name="Liên đoàn Lao động huyện Thọ Xuân",
        code="THOXUAN",
        parent=province,
        level=Organisation.Level.FEDERATION,
    )
    return {
        "federation": tho_xuan,
        "anh_son": _union(tho_xuan, "Công đoàn trường THCS Ánh Sơn", code="CD-ANHSON"),
        # Pasted from a decomposed (NFD) source, as some spreadsheets deliver it.
        "xuan_lap": _union(tho_xuan, unicodedata.normalize("NFD", "Công đoàn xã Xuân Lập")),
        "other": _union(tho_xuan, "Công đoàn trường Tiểu học Thọ Lộc"),
    }


@pytest.fixture
def superuser_client(client, db):
    client.force_login(User.objects.create_superuser("quantri", password="x-Strong-pass-1"))
    return client


def changelist_names(client, model: str, q: str) -> set[str]:
    response = client.get(reverse(f"admin:{model}_changelist"), {"q": q})
    assert response.status_code == 200
    return {str(obj) for obj in response.context["cl"].result_list}


@pytest.mark.parametrize("q", ["anh son", "ANH SƠN", "Ánh Sơn", "cd-anhson", "ánh sơn"])
def test_union_search_ignores_diacritics_case_and_finds_code(superuser_client, unions, q):
    assert changelist_names(superuser_client, "congresses_organisation", q) == {
        "Công đoàn trường THCS Ánh Sơn"
    }


def test_union_stored_decomposed_is_found_by_plain_and_accented_queries(superuser_client, unions):
    for q in ["xuan lap", "Xuân Lập"]:
        names = changelist_names(superuser_client, "congresses_organisation", q)
        assert {fold_vietnamese(n) for n in names} == {"cong doan xa xuan lap"}


def test_like_wildcards_typed_by_staff_match_literally(superuser_client, unions):
    assert changelist_names(superuser_client, "congresses_organisation", "%") == set()
    assert changelist_names(superuser_client, "congresses_organisation", "_") == set()


def test_page_search_in_rich_text_body_without_diacritics(superuser_client, db):
    from news.models import Page

    Page.objects.create(title="Liên hệ", slug="lien-he", body="<p>Số 37 Đại lộ Lê Lợi</p>")
    Page.objects.create(title="Giới thiệu", slug="gioi-thieu", body="<p>Lịch sử</p>")
    assert changelist_names(superuser_client, "news_page", "dai lo le loi") == {"Liên hệ"}


def _article(title, **fields):
    return Article.objects.create(
        title=title,
        summary=fields.pop("summary", "Sa-pô."),
        body="<p>Nội dung.</p>",
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now(),
        **fields,
    )


def test_article_search_same_results_with_and_without_diacritics(superuser_client, db):
    _article("Đại hội Công đoàn huyện Thọ Xuân")
    _article("Tập huấn", summary="Chuẩn bị ĐẠI HỘI điểm")
    _article("Hội thao", byline="Lê Đại Hội")
    _article("Tin khác")
    expected = {"Đại hội Công đoàn huyện Thọ Xuân", "Tập huấn", "Hội thao"}
    for q in ["đại hội", "dai hoi", "ĐẠI HỘI", "Dai Hoi"]:
        assert changelist_names(superuser_client, "news_article", q) == expected


def test_article_byline_search_without_diacritics(superuser_client, db):
    _article("Bài một", byline="Nguyễn Thị Hường")
    _article("Bài hai", byline="Trần Văn Nam")
    assert changelist_names(superuser_client, "news_article", "nguyen huong") == {"Bài một"}


def test_user_search_ignores_diacritics(superuser_client, db):
    User.objects.create_user("canbo1", first_name="Hường", last_name="Nguyễn Thị")
    User.objects.create_user("canbo2", first_name="Nam", last_name="Trần Văn")
    assert changelist_names(superuser_client, "auth_user", "nguyen thi huong") == {"canbo1"}


def test_congress_search_by_union_name_without_diacritics(superuser_client, unions):
    from congresses.models import Congress, Term

    term = Term.objects.create(start_year=2023, end_year=2028, is_current=True)
    Congress.objects.create(organisation=unions["anh_son"], term=term, level="grassroots")
    Congress.objects.create(organisation=unions["other"], term=term, level="grassroots")
    response = superuser_client.get(
        reverse("admin:congresses_congress_changelist"), {"q": "anh son"}
    )
    found = [c.organisation for c in response.context["cl"].result_list]
    assert found == [unions["anh_son"]]


def autocomplete(client, app_label, model_name, field_name, term) -> list[str]:
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return [item["text"] for item in json.loads(response.content)["results"]]


def test_union_picker_of_a_district_officer_ignores_diacritics(client, unions):
    officer = User.objects.create_user("canbo-thoxuan", is_staff=True)
    officer.groups.add(Group.objects.get(name=DISTRICT_STAFF_GROUP))
    StaffAssignment.objects.create(user=officer, organisation=unions["federation"])
    client.force_login(officer)
    assert autocomplete(client, "congresses", "congress", "organisation", "anh son") == [
        "Công đoàn trường THCS Ánh Sơn"
    ]
    found = autocomplete(client, "congresses", "congress", "organisation", "xuan lap")
    assert [fold_vietnamese(t) for t in found] == ["cong doan xa xuan lap"]


def test_tag_autocomplete_ignores_diacritics(superuser_client, db):
    Tag.objects.create(name="Thọ Xuân")
    Tag.objects.create(name="Đông Sơn")
    assert autocomplete(superuser_client, "news", "article", "tags", "tho xuan") == ["Thọ Xuân"]
    assert autocomplete(superuser_client, "news", "article", "tags", "DONG") == ["Đông Sơn"]


def _text_field(model, path: str):
    """The model field a plain search path ends on, if it is a text column."""
    field = None
    for part in path.lstrip("^=@").split("__"):
        field = model._meta.get_field(part)
        model = field.related_model or model
    return field if isinstance(field, (CharField, TextField, CKEditor5Field)) else None


def test_every_admin_search_on_text_uses_the_folding_lookup():
    """Apps added later are held to the same rule: write search_fields as
    "name__fold_contains" (unionsite/folding.py) so staff find "Ánh Sơn" by typing "anh son"."""
    plain = [
        f"{model._meta.label}: {field}"
        for model, model_admin in admin.site._registry.items()
        for field in model_admin.search_fields
        if not str(field).endswith("__fold_contains") and _text_field(model, str(field))
    ]
    assert plain == []
