"""Editors and province staff manage every document; a district officer only documents
issued by their own federation, enforced on the server."""

import re

import pytest

from documents.models import Document

from .conftest import document_post

pytestmark = pytest.mark.django_db
ADD = "/admin/documents/document/add/"
LIST = "/admin/documents/document/"


def _change(document) -> str:
    return f"/admin/documents/document/{document.pk}/change/"


@pytest.mark.parametrize("who", ["editor", "province_officer"])
def test_editor_and_province_staff_manage_every_document(client, library, request, who):
    client.force_login(request.getfixturevalue(who))
    page = client.get(LIST).content.decode()
    assert "61/KH-LĐLĐ" in page and "185/KH-LĐLĐ" in page and "562-CV/HU" in page
    form = client.get(_change(library["cv562"])).content.decode()
    # Editors link articles; province officers (no news permissions) get no article picker.
    assert ('id="id_articles"' in form) == (who == "editor")
    response = client.post(ADD, document_post(library["cv562"].issuer, number="9/CV-HU"))
    assert response.status_code == 302
    assert Document.objects.filter(number="9/CV-HU").exists()


def test_officer_sees_and_edits_only_own_federations_documents(client, officer, library):
    client.force_login(officer)
    page = client.get(LIST).content.decode()
    assert "185/KH-LĐLĐ" in page
    assert "61/KH-LĐLĐ" not in page and "562-CV/HU" not in page
    assert client.get(_change(library["kh185"])).status_code == 200
    # Another issuer's document: not in the officer's scope at all.
    assert client.get(_change(library["kh61"])).status_code == 302
    assert client.post(_change(library["kh61"]), {"title": "x"}).status_code == 302
    assert Document.objects.get(pk=library["kh61"].pk).title.startswith("Kế hoạch tổ chức")


def test_officer_adds_documents_of_own_federation_only(client, officer, issuers):
    client.force_login(officer)
    form = client.get(ADD).content.decode()
    assert "Liên đoàn Lao động huyện Thọ Xuân" in form
    assert "Liên đoàn Lao động huyện Đông Sơn" not in form
    assert 'id="id_articles"' not in form  # officers do not pick articles
    # A crafted POST with another issuer fails validation; nothing saved.
    response = client.post(ADD, document_post(issuers["dong_son"], number="5/KH-LĐLĐ"))
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Document.objects.exists()
    response = client.post(ADD, document_post(issuers["tho_xuan"], number="5/KH-LĐLĐ"))
    assert response.status_code == 302
    assert Document.objects.get().issuer == issuers["tho_xuan"]


def test_officer_cannot_delete_or_edit_lists(client, officer, library):
    client.force_login(officer)
    assert client.get(f"/admin/documents/document/{library['kh185'].pk}/delete/").status_code == 403
    assert client.get("/admin/documents/issuer/add/").status_code == 403
    assert client.get("/admin/documents/documenttype/").status_code == 200


def test_officer_without_federation_sees_nothing(client, django_user_model, library):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("lac-loai", is_staff=True)
    user.groups.add(Group.objects.get(name="Cán bộ LĐLĐ huyện"))
    client.force_login(user)
    page = client.get(LIST).content.decode()
    assert "185/KH-LĐLĐ" not in page and "61/KH-LĐLĐ" not in page
    issuer_select = (
        client.get(ADD).content.decode().split('id="id_issuer"')[1].split("</select>")[0]
    )
    assert re.findall(r'<option value="(\d+)"', issuer_select) == []
