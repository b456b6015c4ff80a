"""Staff journeys in the admin, through the real login form (axes counts real attempts)."""

import io
import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from PIL import Image

from congresses.models import Congress, Organisation, StaffAssignment

from .conftest import DESKTOP, PHONE, assert_no_page_errors, shoot

pytestmark = pytest.mark.browser

PASSWORD = "mật-khẩu-thử-nghiệm-2023"


def make_staff(group_name: str) -> User:
    user = User.objects.create_user(
        f"canbo-{uuid.uuid4().hex[:8]}", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(page, site_url, user, next_path):
    page.goto(f"{site_url}/admin/login/?next={next_path}")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(site_url + next_path)


def shoot_desktop_and_phone(page, name: str) -> None:
    """Screenshots of the form at desktop and phone width; the page is left at desktop width."""
    shoot(page, name)
    page.set_viewport_size(PHONE)
    shoot(page, name)
    page.set_viewport_size(DESKTOP)


def district_figures(page, site_url) -> tuple[str, str]:
    page.goto(site_url + "/dai-hoi/tho-xuan/")
    return (
        page.locator('[data-figure="held"]').inner_text(),
        page.locator('[data-figure="percent"]').inner_text(),
    )


def test_district_officer_records_a_congress_and_the_public_figure_changes(page, site_url):
    officer = make_staff("Cán bộ LĐLĐ huyện")
    StaffAssignment.objects.create(
        user=officer, organisation=Organisation.objects.get(slug="tho-xuan")
    )
    congress = Congress.objects.get(organisation__name="Xã Ánh Sơn")
    assert congress.status == Congress.Status.PLANNED
    held_before, percent_before = district_figures(page, site_url)

    log_in(page, site_url, officer, "/admin/congresses/congress/")
    page.get_by_role("link", name="Xã Ánh Sơn", exact=True).click()
    page.wait_for_url(f"{site_url}/admin/congresses/congress/{congress.pk}/change/")
    page.locator("#id_status").select_option(label="Đã tổ chức")
    page.locator("#id_held_on").fill("2023-03-29")
    shoot_desktop_and_phone(page, "admin-congress")
    page.locator("input[name=_save]").first.click()
    page.wait_for_url(site_url + "/admin/congresses/congress/")
    assert page.locator(".messagelist .success").count() == 1

    held_after, percent_after = district_figures(page, site_url)
    assert int(held_after) == int(held_before) + 1
    assert percent_after != percent_before
    assert page.get_by_role("row", name="Xã Ánh Sơn").get_by_text("Đã tổ chức").is_visible()

    # Another district's record: not listed, and opening it by address is refused.
    other = Congress.objects.filter(organisation__parent__slug="dong-son").first()
    page.goto(f"{site_url}/admin/congresses/congress/{other.pk}/change/")
    assert page.url == site_url + "/admin/"
    assert "không tồn tại" in page.locator(".messagelist").inner_text()
    assert Congress.objects.get(pk=other.pk).status == other.status
    assert_no_page_errors(page)


def png_bytes() -> bytes:
    image = Image.new("RGB", (640, 360), (11, 74, 143))
    image.paste((200, 16, 46), (0, 240, 640, 360))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def upload_body_image(page, body, name: str):
    """Insert a PNG into the CKEditor body through its own file input; the image's locator."""
    page.locator(".ck-file-dialog-button input[type=file]").set_input_files(
        {"name": name, "mimeType": "image/png", "buffer": png_bytes()}
    )
    image = body.locator('img[src*="/media/news/uploads/"]')
    image.wait_for()
    return image


def describe_image(page, image, text: str) -> None:
    """Give a body image its text alternative with CKEditor's own button (the server
    refuses a body image without one)."""
    image.click()
    page.locator('[data-cke-tooltip-text="Đổi chữ alt của ảnh"]').click()
    page.locator(".ck-text-alternative-form input").fill(text)
    page.keyboard.press("Enter")  # submits CKEditor's text alternative form


def set_publish_at(page, when) -> None:
    local = timezone.localtime(when)
    page.locator("#id_publish_at_0").fill(local.strftime("%Y-%m-%d"))
    page.locator("#id_publish_at_1").fill(local.strftime("%H:%M:%S"))


def test_editor_writes_and_submits_an_approver_schedules_and_publishes(new_page, site_url):
    editor = make_staff("Biên tập viên")
    title = f"Công đoàn Thọ Xuân tập huấn nghiệp vụ cho cán bộ cơ sở {uuid.uuid4().hex[:6]}"
    page = new_page(timezone_id="Asia/Ho_Chi_Minh")
    log_in(page, site_url, editor, "/admin/news/article/add/")

    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Hơn 120 cán bộ công đoàn cơ sở dự lớp tập huấn.")
    body = page.locator(".ck-editor__editable")
    body.click()
    page.locator(".ck-heading-dropdown .ck-dropdown__button").click()
    page.get_by_role("menuitemradio", name="Tiêu đề 2").click()
    page.keyboard.type("Kết quả nổi bật")
    page.keyboard.press("Enter")
    page.keyboard.type("Lớp tập huấn đã ")
    page.keyboard.press("Control+B")
    page.keyboard.type("thành công tốt đẹp")
    page.keyboard.press("Control+B")
    page.keyboard.type(".")
    page.keyboard.press("Enter")
    page.locator('.ck-splitbutton__action[data-cke-tooltip-text="Danh sách đánh ký hiệu"]').click()
    page.keyboard.type("Kỹ năng thương lượng tập thể")
    page.keyboard.press("Enter")
    page.keyboard.type("Quy trình tổ chức đại hội")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    uploaded = upload_body_image(page, body, "tap-huan.png")
    describe_image(page, uploaded, "Cán bộ công đoàn dự lớp tập huấn")

    # Sent for approval with tomorrow's time: waiting, not on the site.
    set_publish_at(page, timezone.now() + timedelta(days=1))
    page.locator("#id_featured").check()
    shoot_desktop_and_phone(page, "admin-editor")
    page.get_by_role("button", name="Lưu và gửi duyệt", exact=True).click()
    page.wait_for_url(site_url + "/admin/news/article/")
    assert page.get_by_role("row", name=title).get_by_text("Chờ duyệt").is_visible()

    # The approver finds it in the queue on the admin home and approves it: scheduled
    # ("Hẹn giờ"), not yet on the site.
    approver = make_staff("Duyệt bài")
    page.context.clear_cookies()
    log_in(page, site_url, approver, "/admin/")
    page.locator("#editorial-queue").get_by_role("link", name=title).click()
    page.get_by_role("button", name="Lưu và duyệt đăng", exact=True).click()
    page.wait_for_url(site_url + "/admin/news/article/")
    row = page.get_by_role("row", name=title)
    assert row.get_by_text("Hẹn giờ").is_visible()
    page.goto(site_url + "/")
    assert page.get_by_role("link", name=title).count() == 0

    # Published now: on the home page, in the feed, with the formatting the editor chose.
    page.goto(site_url + "/admin/news/article/")
    page.get_by_role("link", name=title).click()
    set_publish_at(page, timezone.now() - timedelta(minutes=1))
    page.locator("input[name=_save]").last.click()
    page.wait_for_url(site_url + "/admin/news/article/")
    assert page.get_by_role("row", name=title).get_by_text("Đã duyệt").is_visible()

    page.goto(site_url + "/")
    page.locator("#main").get_by_role("link", name=title).first.click()
    article = page.locator("#main")
    assert article.locator("h1").inner_text() == title
    assert article.locator("h2", has_text="Kết quả nổi bật").count() == 1
    assert article.locator("strong").filter(has_text="thành công tốt đẹp").count() == 1
    assert article.locator("ul li").filter(has_text="Kỹ năng thương lượng tập thể").count() == 1
    image = article.locator('img[src*="/media/news/uploads/"]')
    assert image.evaluate("img => img.complete && img.naturalWidth") == 640
    feed = page.request.get(site_url + "/rss/")
    assert feed.ok
    assert f"<title>{title}</title>" in feed.text()
    assert_no_page_errors(page)
