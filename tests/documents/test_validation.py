"""Bad metadata: a Vietnamese form error, nothing saved."""

import pytest

from documents.models import Document

from .conftest import document_post

pytestmark = pytest.mark.django_db
ADD = "/admin/documents/document/add/"


def test_duplicate_number_from_the_same_issuer_is_refused(client, editor, library):
    client.force_login(editor)
    before = Document.objects.count()
    data = document_post(library["kh61"].issuer, number="61/kh-ldld", issued_on="01/12/2022")
    response = client.post(ADD, data)
    assert "đã có văn bản số 61/KH-LĐLĐ năm 2022" in response.content.decode()
    assert Document.objects.count() == before
    # The same number from another issuer, or in another year, is a different document.
    again = client.post(ADD, {**data, "issued_on": "01/12/2023"})
    assert again.status_code == 302
    other = document_post(library["cv562"].issuer, number="61/KH-LĐLĐ", issued_on="01/12/2022")
    assert client.post(ADD, other).status_code == 302


def test_effective_date_before_issue_date_is_refused(client, editor, issuers):
    client.force_login(editor)
    data = document_post(issuers["province"], issued_on="10/05/2026", effective_from="01/05/2026")
    response = client.post(ADD, data)
    assert "Ngày hiệu lực 01/05/2026 không thể trước ngày ban hành 10/05/2026." in (
        response.content.decode()
    )
    assert Document.objects.count() == 0


def test_expiry_before_effect_is_refused(client, editor, issuers):
    client.force_login(editor)
    data = document_post(
        issuers["province"], effective_from="10/05/2026", effective_until="09/05/2026"
    )
    assert "phải sau" in client.post(ADD, data).content.decode()
    assert Document.objects.count() == 0


def test_admin_search_folds_diacritics(client, editor, library):
    client.force_login(editor)
    page = client.get("/admin/documents/document/", {"q": "61 kh ldld"}).content.decode()
    assert "61/KH-LĐLĐ" in page and "562-CV/HU" not in page
