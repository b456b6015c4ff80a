"""An editor uploads a PDF in the admin; a reader finds it on /van-ban/ without diacritics
and downloads it under its Vietnamese name."""

import uuid

import pytest
from django.contrib.auth.models import Permission, User

from documents.models import Document
from documents.pdf import sample_pdf
from tests.factories import PASSWORD, staff_in

from .conftest import assert_no_page_errors

pytestmark = pytest.mark.browser


def _editor() -> User:
    user = staff_in(f"bientap-{uuid.uuid4().hex[:8]}", "Biên tập viên")
    # The group's documents permissions come from a data migration that a flush elsewhere
    # in the session may have dropped (tests/browser/conftest.py restores news' only).
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="documents"))
    return user


def test_editor_uploads_a_pdf_and_a_reader_finds_it(new_page, site_url):
    number = f"{uuid.uuid4().int % 900 + 100}/KH-LĐLĐ"
    editor = _editor()
    page = new_page()
    page.goto(f"{site_url}/admin/login/?next=/admin/documents/document/add/")
    page.locator("#id_username").fill(editor.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(site_url + "/admin/documents/document/add/")

    page.locator("#id_number").fill(number)
    page.locator("#id_doc_type").select_option(label="Kế hoạch")
    page.locator("#id_issuer").select_option(label="Liên đoàn Lao động tỉnh Thanh Hóa")
    page.locator("#id_title").fill("Kế hoạch tổ chức Tháng Công nhân năm 2027")
    page.locator("#id_issued_on").fill("02/03/2026")
    page.locator("#id_files-0-file").set_input_files(
        {
            "name": "Kế hoạch Tháng Công nhân.pdf",
            "mimeType": "application/pdf",
            "buffer": sample_pdf(["Ke hoach Thang Cong nhan", "Phat dong thi dua"]),
        }
    )
    page.locator("input[name=_save]").last.click()
    page.wait_for_url(site_url + "/admin/documents/document/")
    assert Document.objects.get(number=number).files.get().kind == "pdf"

    reader = new_page()
    reader.goto(f"{site_url}/van-ban/")
    reader.locator("#doc-q").fill(number.replace("Đ", "D").lower().replace("/", " "))
    reader.get_by_role("button", name="Lọc văn bản").click()
    reader.get_by_role("link", name=number).click()
    assert reader.locator("h1").inner_text().startswith(f"Kế hoạch số {number}")
    with reader.expect_download() as download:
        reader.get_by_role("link", name="Kế hoạch Tháng Công nhân.pdf").click()
    assert download.value.suggested_filename == "Kế hoạch Tháng Công nhân.pdf"
    # The text inside the PDF is searchable too.
    reader.goto(f"{site_url}/van-ban/?q=phat+dong+thi+dua")
    assert reader.get_by_role("link", name=number).is_visible()
    assert_no_page_errors(reader)
