"""Every admin change form with a stored file re-saves unchanged, as a browser posts it.

The walker finds, in the admin registry, every model that has a file or image field itself or
in one of its inlines (article cover, congress photos, site logo, and whatever is added later),
builds a record with a real stored image in each of those fields, opens its change form, posts
back exactly what a browser would send (inputs, checked boxes, selected options, textareas,
the inline management forms; no new file chosen) with "Lưu và tiếp tục chỉnh sửa", twice, and
checks that the answer is a redirect and the record, its inline rows and the stored file names
are unchanged. A new model with a file field fails here until ``BUILDERS`` can make one.

Each form is re-saved by the people who work on it: a superuser, an editor (group "Biên tập
viên") and a district officer (group "Cán bộ LĐLĐ huyện", linked to the record's federation),
since what they are offered (choices, read-only fields, fieldsets) differs. ``EDITED_BY`` says
which models each may change; the walker checks that against the admin's own permissions.
"""

import datetime
import io
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.db import models
from django.forms.models import _get_foreign_key
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from congresses.models import Congress, Organisation, StaffAssignment, Term
from congresses.permissions import DISTRICT_STAFF_GROUP
from documents.models import Document, DocumentType, Issuer
from documents.services import document_saved
from gallery.models import Album, Video
from news.models import Article, Category, Tag
from topics.models import Topic
from unionsite.models import PartnerLink, SiteProfile


def _has_files(model) -> bool:
    return any(isinstance(f, models.FileField) for f in model._meta.get_fields())


def _admins_with_files():
    found = []
    for model, model_admin in admin.site._registry.items():
        inlines = [i for i in model_admin.inlines if _has_files(i.model)]
        if _has_files(model) or inlines:
            found.append(model)
    return sorted(found, key=lambda m: m._meta.label)


# --- builders: a valid record of each model (files are attached by the walker) -------------


def _article():
    article = Article.objects.create(
        title="Bài có ảnh đại diện",
        summary="Sa-pô của bài có ảnh.",
        body="<p>Nội dung <strong>đậm</strong> và ảnh.</p>",
        status=Article.Status.PUBLISHED,
        cover_caption="Hội trường đại hội",
        cover_alt="Đại biểu trong hội trường",
        byline="Phóng viên",
        # As staff type it: the admin's time box keeps seconds, not microseconds.
        publish_at=timezone.now().replace(microsecond=0),
    )
    article.categories.add(Category.objects.create(name="Tin tức", slug="tin-tuc"))
    article.tags.add(Tag.objects.create(name="Thọ Xuân"))
    return article


def _congress():
    term = Term.objects.create(
        start_year=2023,
        end_year=2028,
        is_current=True,
        grassroots_deadline=datetime.date(2023, 3, 31),
    )
    province = Organisation.objects.create(
        name="Liên đoàn Lao động tỉnh Thanh Hóa", code="THANHHOA", level=Organisation.Level.PROVINCE
    )
    federation = Organisation.objects.create(
        name="Liên đoàn Lao động huyện Thọ Xuân",
        code="THOXUAN",
        slug="tho-xuan",
        parent=province,
        level=Organisation.Level.FEDERATION,
        federation_kind=Organisation.FederationKind.DISTRICT,
    )
    union = Organisation.objects.create(
        parent=federation,
        name="Công đoàn Trường Tiểu học Xuân Lập",
        level=Organisation.Level.GRASSROOTS,
        grassroots_type=Organisation.GrassrootsType.SCHOOL,
    )
    congress = Congress(
        organisation=union,
        term=term,
        level=Congress.LEVEL_FOR_ORGANISATION[union.level],
        status=Congress.Status.HELD,
        held_on=datetime.date(2023, 3, 10),
        chair_name="Lê Thị Hoa",
    )
    congress.full_clean()
    congress.save()
    return congress


def _site_profile():
    profile = SiteProfile(site_name="Liên đoàn Lao động tỉnh Thanh Hóa", slogan="Vì người lao động")
    profile.save()
    return profile


def _document():
    document = Document.objects.create(
        number="61/KH-LĐLĐ",
        doc_type=DocumentType.objects.get(name="Kế hoạch"),
        issuer=Issuer.objects.create(name="Liên đoàn Lao động tỉnh Thanh Hóa"),
        signer="Nguyễn Văn A",
        title="Kế hoạch tổ chức đại hội công đoàn các cấp",
        body="<p>Nội dung kế hoạch.</p>",
        issued_on=datetime.date(2022, 4, 5),
        publish_at=timezone.now().replace(microsecond=0),
    )
    document_saved(document=document)
    return document


def _album():
    album = Album.objects.create(
        title="Đại hội điểm CĐCS Thọ Xuân", taken_on=datetime.date(2022, 12, 2),
        description="Ảnh đại hội.", is_published=True,
    )  # fmt: skip
    album.articles.add(_article())
    album.congresses.add(_congress())
    return album


def _video():
    # An uploaded MP4 (the walker fills the empty poster): ftyp, moov and mdat boxes.
    boxes = [(b"ftyp", b"isom\x00\x00\x02\x00isommp41"), (b"moov", bytes(16)), (b"mdat", bytes(8))]
    mp4 = b"".join((8 + len(body)).to_bytes(4, "big") + kind + body for kind, body in boxes)
    stored = Video._meta.get_field("file").storage.save(
        "gallery/videos/video.mp4", ContentFile(mp4)
    )
    return Video.objects.create(
        title="Lễ ra quân Tháng Công nhân", file=stored, published_on=datetime.date(2026, 5, 1)
    )


def _partner_link():
    return PartnerLink.objects.create(
        name="Tổng Liên đoàn Lao động Việt Nam", url="https://www.congdoan.vn/", order=1
    )


def _topic():
    topic = Topic.objects.create(
        title="Đại hội XX Công đoàn tỉnh Thanh Hóa", intro="<p>Giới thiệu chuyên đề.</p>",
        banner_alt="Hội trường đại hội", tag=Tag.objects.create(name="Đại hội XX"),
        is_published=True,
    )  # fmt: skip
    topic.documents.add(_document())
    topic.albums.add(_album())
    return topic


BUILDERS = {
    "topics.Topic": _topic,
    "unionsite.PartnerLink": _partner_link,
    "gallery.Album": _album,
    "gallery.Video": _video,
    "documents.Document": _document,
    "news.Article": _article,
    "congresses.Congress": _congress,
    "unionsite.SiteProfile": _site_profile,
}


def _document_federation(document):
    """Make the document's issuer a federation, the one its officer works for."""
    province = Organisation.objects.create(
        name="Liên đoàn Lao động tỉnh Thanh Hóa", level=Organisation.Level.PROVINCE
    )
    federation = Organisation.objects.create(
        name="Liên đoàn Lao động huyện Thọ Xuân",
        parent=province,
        level=Organisation.Level.FEDERATION,
        federation_kind=Organisation.FederationKind.DISTRICT,
    )
    document.issuer.organisation = federation
    document.issuer.save()
    return federation


# The federation whose officer works on a record (models a district officer may edit).
FEDERATION_OF = {
    "congresses.Congress": lambda congress: congress.organisation.parent,
    "documents.Document": _document_federation,
}

EDITOR, OFFICER, SUPERUSER = "Biên tập viên", DISTRICT_STAFF_GROUP, "superuser"
# Which of these forms each kind of account may change (the others only as superuser).
EDITED_BY = {
    EDITOR: {
        "news.Article",
        "documents.Document",
        "gallery.Album",
        "gallery.Video",
        "unionsite.PartnerLink",
        "topics.Topic",
    },
    OFFICER: {"congresses.Congress", "documents.Document"},
}


def _account(role: str, instance) -> User:
    if role == SUPERUSER:
        return User.objects.create_superuser("quantri", password="x-Strong-pass-1")
    user = User.objects.create_user("canbo", password="x-Strong-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    federation = FEDERATION_OF.get(instance._meta.label)
    if role == OFFICER and federation is not None:
        StaffAssignment.objects.create(user=user, organisation=federation(instance))
    return user


# --- the walker -------------------------------------------------------------------------------


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), (200, 16, 46)).save(buffer, "JPEG")
    return buffer.getvalue()


def _attach_files(instance) -> None:
    """Store a real image in every empty file field of ``instance`` and save it."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.FileField) and not getattr(instance, field.attname):
            name = field.generate_filename(instance, "anh-da-luu.jpg")
            stored = field.storage.save(name, ContentFile(_jpeg()))
            setattr(instance, field.attname, stored)
    instance.save()


def _snapshot(instance) -> dict:
    """Every stored column (but ``auto_now`` stamps) and many-to-many link of ``instance``."""
    model = type(instance)
    skip = {f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now", False)}
    [row] = model.objects.filter(pk=instance.pk).values()
    data = {k: v for k, v in row.items() if k not in skip}
    for field in model._meta.many_to_many:
        data[field.name] = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    return data


def _files_exist(instance) -> bool:
    return all(
        getattr(instance, f.attname).storage.exists(getattr(instance, f.attname).name)
        for f in instance._meta.concrete_fields
        if isinstance(f, models.FileField) and getattr(instance, f.attname)
    )


class BrowserForm(HTMLParser):
    """The fields a browser would submit from the admin's change form (no file chosen)."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: list[tuple[str, str]] = []
        self._select = None  # (name, multiple, [(value, selected)])
        self._option = None  # [value or None, text, selected]
        self._textarea = None  # [name, text]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    self.data.append((name, a.get("value") or "on"))
                return
            self.data.append((name, a.get("value") or ""))
        elif tag == "select" and name:
            self._select = (name, "multiple" in a, [])
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value"), "", "selected" in a]
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._option is not None:
            self._option[1] += data
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "option" and self._option is not None:
            value, text, selected = self._option
            self._select[2].append((text.strip() if value is None else value, selected))
            self._option = None
        elif tag == "select" and self._select is not None:
            name, multiple, options = self._select
            chosen = [v for v, selected in options if selected]
            if not chosen and not multiple and options:
                chosen = [options[0][0]]  # a single select submits its first option
            self.data += [(name, v) for v in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # Browsers drop the newline that follows <textarea>, as Django renders it.
            self.data.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def _post_data(html: str, form_id: str) -> dict[str, list[str]]:
    parser = BrowserForm(form_id)
    parser.feed(html)
    assert parser.data, f"no form #{form_id} in the change page"
    data: dict[str, list[str]] = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    data["_continue"] = ["Lưu và tiếp tục chỉnh sửa"]
    return data


def test_the_walker_finds_the_known_models_with_files():
    labels = {m._meta.label for m in _admins_with_files()}
    assert {"news.Article", "congresses.Congress", "unionsite.SiteProfile"} <= labels


def test_every_model_an_account_may_edit_has_a_builder():
    labels = {m._meta.label for m in _admins_with_files()}
    assert set().union(*EDITED_BY.values()) <= labels
    assert set(FEDERATION_OF) >= EDITED_BY[OFFICER]


@pytest.mark.parametrize(
    "role", [SUPERUSER, EDITOR, OFFICER], ids=["superuser", "editor", "officer"]
)
@pytest.mark.parametrize("model", _admins_with_files(), ids=lambda m: m._meta.label)
def test_change_form_resaves_unchanged_with_its_stored_files(client, db, model, role):
    label = model._meta.label
    assert label in BUILDERS, f"{label} has a file field: add a builder to BUILDERS"
    instance = BUILDERS[label]()
    _attach_files(instance)
    user = _account(role, instance)
    request = RequestFactory().get("/")
    request.user = user
    may_change = admin.site._registry[model].has_change_permission(request, instance)
    assert may_change == (role == SUPERUSER or label in EDITED_BY[role]), (
        f"{role} {'may' if may_change else 'may not'} change {label}: update EDITED_BY"
    )
    if not may_change:
        return
    client.force_login(user)
    rows = []
    for inline in admin.site._registry[model].inlines:
        if _has_files(inline.model):
            fk = _get_foreign_key(model, inline.model, fk_name=inline.fk_name)
            row = inline.model(**{fk.name: instance})
            _attach_files(row)
            rows.append(row)
    records = [instance, *rows]
    before = [_snapshot(r) for r in records]
    assert all(_files_exist(r) for r in records)
    url = reverse(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[instance.pk]
    )
    for attempt in (1, 2):
        page = client.get(url)
        assert page.status_code == 200
        response = client.post(url, _post_data(page.text, f"{model._meta.model_name}_form"))
        errors = getattr(response, "context", None) and response.context.get("errors")
        assert response.status_code == 302, f"save {attempt} of {label} as {role}: {errors}"
        assert response["Location"] == url
        for record, expected in zip(records, before, strict=True):
            record.refresh_from_db()
            assert _snapshot(record) == expected, f"save {attempt} changed {record!r}"
            assert _files_exist(record)
        assert [type(r).objects.filter(pk=r.pk).exists() for r in rows] == [True] * len(rows)
