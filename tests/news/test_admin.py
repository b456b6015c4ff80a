import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from news.models import Article
from tests.factories import make_article, upload

from .test_permissions import _article_form

LIST_URL = "/admin/news/article/"
ADD_URL = "/admin/news/article/add/"


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("quantri", password="x-Strong-pass-1"))
    return client


def test_changelist_shows_status_time_categories_and_views(editor_client, category):
    make_article("Bài trong danh sách", categories=[category], view_count=42)
    html = editor_client.get(LIST_URL).text
    for column in ["Trạng thái", "Thời điểm xuất bản", "Chuyên mục", "Lượt xem"]:
        assert column in html
    assert "Bài trong danh sách" in html and "Tin tức - Sự kiện" in html and ">42<" in html


def test_changelist_search_and_filters(editor_client):
    make_article("Đại hội Thọ Xuân")
    make_article("Tập huấn", status=Article.Status.DRAFT)
    assert "Đại hội Thọ Xuân" in editor_client.get(LIST_URL, {"q": "Thọ Xuân"}).text
    drafts = editor_client.get(LIST_URL, {"status__exact": "draft"}).text
    assert "Tập huấn" in drafts and "Đại hội Thọ Xuân" not in drafts


def test_approve_and_unpublish_actions(approver_client, client):
    draft = make_article("Bản nháp", status=Article.Status.DRAFT)
    response = approver_client.post(
        LIST_URL, {"action": "publish", "_selected_action": [draft.pk]}, follow=True
    )
    assert "Đã duyệt đăng 1 bài." in response.text
    assert client.get(draft.get_absolute_url()).status_code == 200
    approver_client.post(LIST_URL, {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Article.Status.WITHDRAWN
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_tag_and_category_autocomplete_for_editors(editor_client, category, tag):
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "news", "model_name": "article", "field_name": "tags", "term": "Thọ"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Thọ Xuân"]
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "news", "model_name": "article", "field_name": "categories", "term": "Tin"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Tin tức - Sự kiện"]


def test_view_on_site_opens_preview_for_drafts(editor_client):
    draft = make_article("Bản nháp xem trước", status=Article.Status.DRAFT)
    html = editor_client.get(f"/admin/news/article/{draft.pk}/change/").text
    assert f'href="/tin-tuc/{draft.slug}/?preview=1"' in html


def test_cover_upload_of_a_non_image_is_a_form_error_and_nothing_is_stored(editor_client, settings):
    data = _article_form(title="Bài có ảnh lỗi")
    data["cover"] = SimpleUploadedFile("anh.jpg", b"%PDF-1.4 not an image", "image/jpeg")
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors["cover"]
    assert error == (
        "Hãy tải lên một hình ảnh hợp lệ. Tập tin mà bạn đã tải không phải là hình ảnh "
        "hoặc đã bị hư hỏng."
    )
    assert Article.objects.count() == 0
    assert not (settings.MEDIA_ROOT.exists() and any(settings.MEDIA_ROOT.rglob("*.*")))


def test_svg_cover_is_a_form_error(editor_client):
    data = _article_form(title="Bài có ảnh SVG")
    data["cover"] = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "image/svg+xml"
    )
    assert editor_client.post(ADD_URL, data).context["adminform"].form.errors["cover"]
    assert Article.objects.count() == 0


def test_cover_upload_with_too_many_pixels_is_a_form_error(editor_client, settings):
    data = _article_form(title="Bài có ảnh quá lớn")
    data["cover"] = upload(
        "rong.png", fmt="PNG", content_type="image/png", size=(7000, 7000), mode="1"
    )
    response = editor_client.post(ADD_URL, data)
    assert response.context["adminform"].form.errors["cover"] == [
        "Ảnh có kích thước 7000×7000 điểm ảnh, vượt giới hạn 40 triệu điểm ảnh."
    ]
    assert Article.objects.count() == 0


def test_cover_upload_is_stored_reencoded_with_renditions(editor_client, settings):
    data = _article_form(title="Bài có ảnh")
    data["cover"] = upload("Ảnh gốc.jpg", size=(1200, 800))
    assert editor_client.post(ADD_URL, data).status_code == 302
    article = Article.objects.get()
    assert (article.cover_width, article.cover_height) == (1200, 800)
    name = article.cover.name.rsplit("/", 1)[1]
    assert len(name) == 36 and name.endswith(".jpg")
    thumbs = sorted(p.name for p in settings.MEDIA_ROOT.rglob("thumbs/*"))
    assert thumbs == sorted(
        [
            f"{name}.160x100_q80_crop-smart.jpg",
            f"{name}.480x300_q82_crop-smart.jpg",
            f"{name}.960x0_q85.jpg",
        ]
    )


def test_add_page_has_the_rich_text_editor_with_our_upload_url(editor_client):
    html = editor_client.get(ADD_URL).text
    assert 'data-upload-url="/ckeditor5/image_upload/"' in html
    assert "django_ckeditor_5/dist/bundle.js" in html
