"""Issuers in the union hierarchy, the three staff groups, and a document builder."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission

from congresses.models import Organisation, StaffAssignment
from documents.models import Document, DocumentFile, DocumentType, Field, Issuer
from documents.services import document_saved

from .samples import pdf, upload

D = datetime.date


@pytest.fixture
def hierarchy(db):
    province = Organisation.objects.create(
        name="Liên đoàn Lao động tỉnh Thanh Hóa", level=Organisation.Level.PROVINCE
    )
    districts = {
        key: Organisation.objects.create(
            name=name,
            parent=province,
            level=Organisation.Level.FEDERATION,
            federation_kind=Organisation.FederationKind.DISTRICT,
        )  # fmt: skip
        for key, name in [("tho_xuan", "LĐLĐ huyện Thọ Xuân"), ("dong_son", "LĐLĐ huyện Đông Sơn")]
    }
    return {"province": province, **districts}


@pytest.fixture
def issuers(hierarchy):
    return {
        "province": Issuer.objects.create(
            name="Liên đoàn Lao động tỉnh Thanh Hóa", organisation=hierarchy["province"]
        ),
        "tho_xuan": Issuer.objects.create(
            name="Liên đoàn Lao động huyện Thọ Xuân", organisation=hierarchy["tho_xuan"]
        ),
        "dong_son": Issuer.objects.create(
            name="Liên đoàn Lao động huyện Đông Sơn", organisation=hierarchy["dong_son"]
        ),
        "party": Issuer.objects.create(name="Huyện ủy Thọ Xuân"),
    }


@pytest.fixture
def fields(db):
    return {
        "congress": Field.objects.create(name="Tổ chức đại hội"),
        "policy": Field.objects.create(name="Chính sách, pháp luật"),
    }


def doc_type(name: str) -> DocumentType:
    return DocumentType.objects.get(name=name)


def make_document(issuer, number, title, *, issued_on=None, doc_type_name="Kế hoạch",
                  files=(), fields=(), **extra) -> Document:  # fmt: skip
    document = Document(
        issuer=issuer, number=number, title=title, issued_on=issued_on or D(2022, 4, 5),
        doc_type=doc_type(doc_type_name), **extra,
    )  # fmt: skip
    document.full_clean()
    document.save()
    document.fields.set(fields)
    for name, content in files:
        DocumentFile.objects.create(document=document, file=upload(name, content))
    document_saved(document=document)
    return document


@pytest.fixture
def library(issuers, fields):
    """The three documents the federation's article cites, and a few of each status."""
    return {
        "kh61": make_document(
            issuers["province"], "61/KH-LĐLĐ",
            "Kế hoạch tổ chức đại hội công đoàn các cấp nhiệm kỳ 2023 - 2028",
            issued_on=D(2022, 4, 5), fields=[fields["congress"]],
            files=[("Kế hoạch 61 đại hội.pdf", pdf("Ke hoach to chuc dai hoi", "Ban chap hanh"))],
        ),
        "cv562": make_document(
            issuers["party"], "562-CV/HU", "Về việc lãnh đạo đại hội công đoàn huyện",
            issued_on=D(2022, 3, 24), doc_type_name="Công văn", fields=[fields["congress"]],
        ),
        "kh185": make_document(
            issuers["tho_xuan"], "185/KH-LĐLĐ", "Kế hoạch đại hội công đoàn cơ sở huyện Thọ Xuân",
            issued_on=D(2022, 10, 19),
        ),
        "expired": make_document(
            issuers["province"], "12/HD-LĐLĐ", "Hướng dẫn thi đua năm 2019",
            issued_on=D(2019, 1, 10), effective_until=D(2020, 1, 1), doc_type_name="Hướng dẫn",
            fields=[fields["policy"]],
        ),
        "draft": make_document(
            issuers["province"], "", "Dự thảo quy chế chi tiêu nội bộ",
            issued_on=D(2026, 11, 1), comment_until=D(2099, 12, 31), doc_type_name="Quyết định",
        ),
        "hidden": make_document(
            issuers["province"], "99/TB-LĐLĐ", "Thông báo nội bộ chưa công khai",
            issued_on=D(2022, 5, 1), is_published=False, doc_type_name="Thông báo",
        ),
    }  # fmt: skip


def _staff(django_user_model, username, group, federation=None):
    user = django_user_model.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    if federation is not None:
        StaffAssignment.objects.create(user=user, organisation=federation)
    return user


@pytest.fixture
def editor(django_user_model, db):
    return _staff(django_user_model, "bientap", "Biên tập viên")


@pytest.fixture
def officer(django_user_model, hierarchy):
    """District officer of Thọ Xuân."""
    return _staff(django_user_model, "canbo-thoxuan", "Cán bộ LĐLĐ huyện", hierarchy["tho_xuan"])


@pytest.fixture
def province_officer(django_user_model, hierarchy):
    user = _staff(django_user_model, "canbo-tinh", "Cán bộ LĐLĐ huyện")
    user.user_permissions.add(Permission.objects.get(codename="view_all_federations"))
    return user


def document_post(issuer, *, files=(), **fields) -> dict:
    """What the admin's add form posts: the document's fields and the files inline."""
    data = {
        "number": "7/KH-LĐLĐ",
        "doc_type": str(doc_type("Kế hoạch").pk),
        "issuer": str(issuer.pk),
        "signer": "Nguyễn Văn A",
        "title": "Kế hoạch tháng công nhân",
        "body": "",
        "issued_on": "02/05/2026",
        "effective_from": "",
        "effective_until": "",
        "comment_until": "",
        "is_published": "on",
        "publish_at_0": "02/05/2026",
        "publish_at_1": "08:00:00",
        "slug": "",
        "files-TOTAL_FORMS": str(max(len(files), 1)),
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        **fields,
    }
    if not files:  # the empty extra row a browser posts
        data.update({"files-0-title": "", "files-0-position": "0"})
    for i, (name, content) in enumerate(files):
        data[f"files-{i}-file"] = upload(name, content)
        data[f"files-{i}-title"] = ""
        data[f"files-{i}-position"] = str(i)
    return data
