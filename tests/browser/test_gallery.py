"""An editor uploads several photos at once; a reader on a phone walks the album with the
keyboard and plays the demo video, which loads only after the click and under the CSP."""

import uuid

import pytest
from django.contrib.auth.models import Permission, User

from gallery.models import Album
from tests.factories import PASSWORD, jpeg, staff_in

from .conftest import PHONE, assert_no_page_errors, axe_violations, horizontal_overflow, shoot

pytestmark = pytest.mark.browser


def _editor() -> User:
    user = staff_in(f"bientap-{uuid.uuid4().hex[:8]}", "Biên tập viên")
    # A flush elsewhere in the session may have dropped the gallery's group permissions.
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="gallery"))
    return user


def test_editor_uploads_an_album_and_a_phone_reader_walks_it_with_the_keyboard(new_page, site_url):
    editor = _editor()
    title = f"Hội thao công nhân {uuid.uuid4().hex[:6]}"
    admin = new_page()
    admin.goto(f"{site_url}/admin/login/?next=/admin/gallery/album/add/")
    admin.locator("#id_username").fill(editor.username)
    admin.locator("#id_password").fill(PASSWORD)
    admin.locator("#login-form [type=submit]").click()
    admin.wait_for_url(f"{site_url}/admin/gallery/album/add/")
    admin.locator("#id_title").fill(title)
    admin.locator("#id_taken_on").fill("04/12/2026")
    admin.locator("#id_is_published").check()
    admin.locator("#id_new_photos").set_input_files(
        [
            {
                "name": f"anh-{n}.jpg",
                "mimeType": "image/jpeg",
                "buffer": jpeg(colour=(60 * n, 47, 92), taken=f"2026:12:04 0{n}:00:00"),
            }
            for n in (3, 1, 2)
        ]  # fmt: skip
    )
    admin.locator("input[name=_save]").last.click()
    admin.wait_for_url(f"{site_url}/admin/gallery/album/")
    album = Album.objects.get(title=title)
    assert album.photos.count() == 3

    reader = new_page(viewport=PHONE)
    reader.goto(f"{site_url}{album.get_absolute_url()}")
    assert horizontal_overflow(reader) == 0
    reader.locator(".photo-grid__item a").first.click()
    assert "ảnh 1/3" in reader.locator("h1").inner_text()
    reader.keyboard.press("ArrowRight")
    reader.wait_for_url("**/anh-*/")
    assert "ảnh 2/3" in reader.locator("h1").inner_text()
    reader.keyboard.press("ArrowLeft")
    reader.wait_for_function("document.querySelector('h1').innerText.includes('ảnh 1/3')")
    assert axe_violations(reader) == []
    shoot(reader, "gallery-photo")
    assert_no_page_errors(reader)


def test_the_video_loads_only_after_a_click_from_youtube_nocookie(new_page, site_url):
    reader = new_page(viewport=PHONE)
    asked = []
    reader.on("request", lambda request: asked.append(request.url))
    # The test machine has no Internet: answer the player's address with an empty page.
    reader.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(body="", content_type="text/html"),
    )
    reader.goto(f"{site_url}/video/")
    reader.locator(".video-card__link").first.click()
    assert not any("youtube" in url for url in asked)
    assert axe_violations(reader) == []
    reader.locator(".video-player__start").click()
    frame = reader.locator(".video-player iframe")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    reader.wait_for_function("performance.getEntriesByType('resource').length >= 0")
    assert any(url.startswith("https://www.youtube-nocookie.com/embed/") for url in asked)
    assert_no_page_errors(reader)  # no CSP violation: frame-src allows the player's host


@pytest.mark.parametrize(
    "path",
    [
        "/thu-vien-anh/",
        "/thu-vien-anh/dai-hoi-diem-cong-doan-co-so-huyen-tho-xuan/",
        "/video/",
        "/chuyen-de/dai-hoi-cong-doan-cac-cap-nhiem-ky-2023-2028/",
        "/en/",
        "/en/about/",
    ],
)
def test_new_pages_are_axe_clean_on_a_phone(new_page, site_url, path):
    reader = new_page(viewport=PHONE)
    reader.goto(f"{site_url}{path}")
    assert horizontal_overflow(reader) == 0
    assert axe_violations(reader) == []
    assert_no_page_errors(reader)
