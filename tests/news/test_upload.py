"""CKEditor 5 image upload: editors only, validated, re-encoded, random names."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.factories import upload

URL = "/ckeditor5/image_upload/"


def stored_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    return (
        sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
        if root.exists()
        else []
    )


def test_upload_url_name_points_at_our_view():
    assert reverse("ck_editor_5_upload_file") == URL


def test_anonymous_upload_is_refused(client, settings, db):
    response = client.post(URL, {"upload": upload()})
    assert response.status_code == 403
    assert response.json() == {"error": {"message": "Bạn không có quyền tải ảnh lên."}}
    assert stored_files(settings) == []


def test_logged_in_reader_who_is_not_staff_is_refused(client, settings, db):
    client.force_login(User.objects.create_user("docgia", password="x-Strong-pass-1"))
    assert client.post(URL, {"upload": upload()}).status_code == 403
    assert stored_files(settings) == []


def test_staff_without_news_permissions_is_refused(client, settings, district_officer):
    client.force_login(district_officer)
    assert client.post(URL, {"upload": upload()}).status_code == 403
    assert stored_files(settings) == []


def test_editor_upload_is_stored_reencoded_under_a_random_name(editor_client, settings):
    response = editor_client.post(URL, {"upload": upload("Ảnh hội nghị.jpg")})
    assert response.status_code == 200
    url = response.json()["url"]
    assert url.startswith("/media/news/uploads/")
    [stored] = stored_files(settings)
    assert url == "/media/" + stored
    assert "hoi-nghi" not in stored and "Ảnh" not in stored
    assert stored.endswith(".jpg")


def test_staff_with_change_permission_only_may_upload(client, db):
    user = User.objects.create_user("suabai", password="x-Strong-pass-1", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(user)
    assert client.post(URL, {"upload": upload()}).status_code == 200


@pytest.mark.parametrize(
    ("file", "message_start"),
    [
        (
            SimpleUploadedFile("x.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            "Tệp không phải",
        ),
        (SimpleUploadedFile("x.jpg", b"GIF89a but not really"), "Tệp không phải"),
    ],
)
def test_editor_upload_of_a_non_image_gets_a_json_error(
    editor_client, settings, file, message_start
):
    response = editor_client.post(URL, {"upload": file})
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(message_start)
    assert stored_files(settings) == []


def test_upload_without_a_file_is_a_400(editor_client):
    response = editor_client.post(URL, {})
    assert response.status_code == 400
    assert response.json() == {"error": {"message": "Chưa chọn tệp ảnh."}}


def test_get_is_not_allowed(editor_client):
    assert editor_client.get(URL).status_code == 405


def test_large_editor_upload_is_scaled_down_to_1600_pixels(editor_client, settings):
    response = editor_client.post(URL, {"upload": upload("rong.jpg", size=(4000, 1000))})
    assert response.status_code == 200
    [stored] = stored_files(settings)
    with Image.open(settings.MEDIA_ROOT / stored) as image:
        assert image.size == (1600, 400)
