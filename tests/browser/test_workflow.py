"""The editorial workflow in a browser: contributor → approver → reader, and a restore."""

import time
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Article, Category, Contributor

from .conftest import assert_no_page_errors
from .test_staff import log_in, make_staff, set_publish_at

pytestmark = pytest.mark.browser


def test_submit_return_resubmit_schedule_read_and_restore(new_page, site_url):
    tag = uuid.uuid4().hex[:6]
    title = f"Công đoàn Thọ Xuân tổ chức Tháng Công nhân {tag}"
    contributor = make_staff("Cộng tác viên")
    Contributor.objects.create(user=contributor).categories.set(
        [Category.objects.get(slug="hoat-dong-cong-doan")]
    )
    approver = make_staff("Duyệt bài")
    editor = make_staff("Biên tập viên")
    writer, checker, reader = new_page(), new_page(), new_page()

    # The contributor writes in their category and submits.
    log_in(writer, site_url, contributor, "/admin/news/article/add/")
    writer.locator("#id_title").fill(title)
    writer.locator("#id_summary").fill("Sa-pô chưa đủ.")
    writer.get_by_label("Hoạt động công đoàn").check()
    writer.get_by_role("button", name="Lưu và gửi duyệt", exact=True).click()
    writer.wait_for_url(site_url + "/admin/news/article/")
    assert writer.get_by_role("row", name=title).get_by_text("Chờ duyệt").is_visible()

    # The approver returns it with a note.
    log_in(checker, site_url, approver, "/admin/")
    checker.locator("#editorial-queue").get_by_role("link", name=title).click()
    checker.locator("#id__transition_note").fill("Bổ sung số công nhân được thăm.")
    checker.get_by_role("button", name="Lưu và trả lại", exact=True).click()
    checker.wait_for_url(site_url + "/admin/news/article/")

    # The contributor sees the note, fixes the sapo and submits again.
    writer.goto(site_url + "/admin/")
    writer.locator("#editorial-queue").get_by_role("link", name=title).click()
    writer.wait_for_url("**/change/")
    assert "Bổ sung số công nhân được thăm." in writer.locator(".workflow__returned").inner_text()
    writer.locator("#id_summary").fill("Thăm 120 công nhân có hoàn cảnh khó khăn.")
    writer.get_by_role("button", name="Lưu và gửi duyệt", exact=True).click()
    writer.wait_for_url(site_url + "/admin/news/article/")

    # The approver schedules it a few seconds ahead; readers see it at that time.
    article = Article.objects.get(title=title)
    checker.goto(f"{site_url}/admin/news/article/{article.pk}/change/")
    at = timezone.now().replace(microsecond=0) + timedelta(seconds=8)
    set_publish_at(checker, at)
    checker.get_by_role("button", name="Lưu và duyệt đăng", exact=True).click()
    checker.wait_for_url(site_url + "/admin/news/article/")
    address = site_url + article.get_absolute_url()
    assert reader.goto(address).status == 404
    time.sleep(max(0.0, (at - timezone.now()).total_seconds()) + 1)
    assert reader.goto(address).status == 200
    assert reader.locator("h1").inner_text() == title

    # The approver mistypes the title of the live article; an editor restores the earlier
    # version, which waits for approval while readers keep the live one; approved, it is back.
    checker.goto(f"{site_url}/admin/news/article/{article.pk}/change/")
    checker.locator("#id_title").fill(f"{title} (gõ nhầm)")
    checker.locator("input[name=_save]").last.click()
    checker.wait_for_url(site_url + "/admin/news/article/")
    log_in(reader, site_url, editor, f"/admin/news/article/{article.pk}/phien-ban/")
    reader.get_by_role("link", name="Khôi phục…").first.click()
    reader.wait_for_url("**/phien-ban/?restore=*")
    assert reader.locator(".revision-diff del").filter(has_text="nhầm").count() == 1
    reader.get_by_role("button", name="Khôi phục phiên bản này").click()
    reader.wait_for_url("**/change/")
    assert "thành bản sửa chờ duyệt" in reader.locator(".messagelist").inner_text()
    article.refresh_from_db()
    assert article.title == f"{title} (gõ nhầm)"
    checker.goto(f"{site_url}/admin/news/article/{article.pk}/change/")
    checker.get_by_role("button", name="Lưu và duyệt bản sửa", exact=True).click()
    checker.wait_for_url(site_url + "/admin/news/article/")
    article.refresh_from_db()
    assert article.title == title
    for page in (writer, checker):
        assert_no_page_errors(page)
    # The reader's one 404 is the scheduled article asked for before its time.
    assert_no_page_errors(reader, allow=[f"^HTTP 404 {address}$"])
