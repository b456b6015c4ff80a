"""Demo content, photos and the link to the news article."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from congresses import demo
from congresses.models import Congress, CongressPhoto, GuidingDocument, Organisation
from news.demo import THO_XUAN_SLUG
from news.models import Article
from tests.factories import make_congress, make_union

D = datetime.date


def make_article(slug, *, published=True):
    return Article.objects.create(
        title="Một số giải pháp tổ chức thành công Đại hội điểm",
        slug=slug,
        status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        publish_at=timezone.now() - datetime.timedelta(days=1),
    )


def counts():
    return (
        Organisation.objects.count(),
        Congress.objects.count(),
        GuidingDocument.objects.count(),
        sorted(Congress.objects.values_list("pk", "status", "article_id", "updated_at")),
    )


def test_demo_seed_is_idempotent_and_follows_the_tho_xuan_article(db):
    article = make_article(THO_XUAN_SLUG)
    demo.seed()
    first = counts()
    demo.seed()
    assert counts() == first

    tho_xuan = Organisation.objects.get(code="THOXUAN")
    models = Congress.objects.filter(kind=Congress.Kind.MODEL).order_by("held_on")
    assert [c.organisation.name for c in models] == [
        "Trường Tiểu học Xuân Lập",
        "Trường THCS Lê Thánh Tông",
        "Thị trấn Lam Sơn",
    ]
    assert all(c.organisation.parent == tho_xuan for c in models)
    assert {(c.held_on.year, c.held_on.month) for c in models} == {(2022, 11)}
    assert {c.get_assessment_display() for c in models} == {"Hoàn thành tốt"}
    assert {c.article_id for c in models} == {article.pk}

    regular = Congress.objects.filter(organisation__parent=tho_xuan, kind=Congress.Kind.REGULAR)
    assert regular.count() >= 12
    assert set(regular.values_list("status", flat=True)) == {
        "held",
        "planned",
        "postponed",
        "not_required",
    }
    district = Congress.objects.get(organisation=tho_xuan)
    assert (district.ordinal, district.status, district.level) == ("X", "planned", "district")
    assert Congress.objects.get(level="province").ordinal == "XX"
    assert sorted(GuidingDocument.objects.values_list("number", "issued_on")) == [
        ("185/KH-LĐLĐ", D(2022, 10, 19)),
        ("562-CV/HU", D(2022, 3, 24)),
        ("61/KH-LĐLĐ", D(2022, 4, 5)),
    ]
    assert Organisation.objects.federations().count() == 3


def test_demo_without_the_article_links_it_on_a_later_run(db):
    demo.seed()
    assert not Congress.objects.filter(article__isnull=False).exists()
    article = make_article(THO_XUAN_SLUG)
    demo.seed()
    assert Congress.objects.filter(article=article).count() == 3


@pytest.fixture
def congress(term, tho_xuan):
    union = make_union(tho_xuan, "Trường THCS Lê Thánh Tông")
    return make_congress(
        union, term, kind=Congress.Kind.MODEL, status=Congress.Status.HELD, held_on=D(2022, 11, 18)
    )


def test_congress_page_links_only_a_published_article(client, congress):
    congress.article = make_article("bai-nhap", published=False)
    congress.save()
    html = client.get(congress.get_absolute_url()).content.decode()
    assert "bai-nhap" not in html
    congress.article = make_article("bai-da-dang")
    congress.save()
    html = client.get(congress.get_absolute_url()).content.decode()
    assert f'<a href="{congress.article.get_absolute_url()}">' in html


def png_bytes(size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, format="PNG")
    return buffer.getvalue()


def photo_post(congress, upload):
    from .test_admin_permissions import congress_post_data

    data = congress_post_data(
        congress,
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": upload,
            "photos-0-caption": "Quang cảnh đại hội",
            "photos-0-position": "0",
        },
    )
    return data


def test_photo_upload_is_reencoded_and_shown(client, officer_a, congress):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(officer_a)
    upload = SimpleUploadedFile("IMG_0001 gps.png", png_bytes(), content_type="image/png")
    response = client.post(
        reverse("admin:congresses_congress_change", args=[congress.pk]),
        photo_post(congress, upload),
    )
    assert response.status_code == 302
    photo = CongressPhoto.objects.get()
    assert "IMG_0001" not in photo.image.name
    assert (photo.width, photo.height) == (40, 30)
    html = client.get(congress.get_absolute_url()).content.decode()
    assert f'src="{photo.image.url}" width="40" height="30" alt="Quang cảnh đại hội"' in html


def test_fake_image_upload_is_a_form_error(client, officer_a, congress):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(officer_a)
    upload = SimpleUploadedFile("anh.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client.post(
        reverse("admin:congresses_congress_change", args=[congress.pk]),
        photo_post(congress, upload),
    )
    assert response.status_code == 200
    assert not CongressPhoto.objects.exists()
    assert "Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF" in response.content.decode()
