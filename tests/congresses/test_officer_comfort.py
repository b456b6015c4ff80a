"""What a district officer notices on the congress form and list: the current term chosen, a
duplicate that links to the record already there, an article picker that searches, congresses
named by their level, no deadline for a unit that need not hold a congress."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from congresses.models import Congress, CongressPhoto, Organisation, Term
from news.models import Article
from tests.factories import make_congress, make_union

from .test_admin_permissions import congress_post_data

D = datetime.date
ADD = "admin:congresses_congress_add"
ARTICLE_PICKER = "admin:congresses_congress_article_autocomplete"


def _change(congress):
    return reverse("admin:congresses_congress_change", args=[congress.pk])


@pytest.fixture
def union(tho_xuan):
    return make_union(tho_xuan, "Trường Tiểu học Xuân Lập")


def _article(title, *, status=Article.Status.PUBLISHED):
    return Article.objects.create(
        title=title,
        summary="Sa-pô.",
        body="<p>Nội dung.</p>",
        status=status,
        publish_at=timezone.now() - datetime.timedelta(hours=1),
    )


def _png(width, height) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def _selected(html: str, name: str) -> list[str]:
    select = html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="([^"]*)"[^>]*selected', select)


def test_add_form_preselects_the_current_term(client, officer_a, term):
    Term.objects.create(start_year=2018, end_year=2023)
    client.force_login(officer_a)
    html = client.get(reverse(ADD)).text
    assert _selected(html, "term") == [str(term.pk)]


def test_duplicate_congress_error_links_to_the_existing_record(client, officer_a, union, term):
    existing = make_congress(union, term)
    client.force_login(officer_a)
    data = congress_post_data(existing)
    response = client.post(reverse(ADD), data)
    assert response.status_code == 200
    [message] = response.context["adminform"].form.errors["organisation"]
    assert message == (
        "Trường Tiểu học Xuân Lập đã có đại hội trong nhiệm kỳ 2023–2028: "
        f'<a href="{_change(existing)}">mở bản ghi đó để sửa</a> thay vì nhập lại.'
    )
    assert f'<a href="{_change(existing)}">mở bản ghi đó để sửa</a>' in response.text
    assert response.context["adminform"].form.non_field_errors() == []
    assert Congress.objects.count() == 1


def test_resaving_the_same_congress_is_not_a_duplicate(client, officer_a, union, term):
    congress = make_congress(union, term)
    client.force_login(officer_a)
    response = client.post(_change(congress), congress_post_data(congress, chair_name="Lê Hoa"))
    assert response.status_code == 302
    congress.refresh_from_db()
    assert congress.chair_name == "Lê Hoa"


def test_article_picker_is_an_autocomplete_of_published_articles(client, officer_a, term):
    client.force_login(officer_a)
    html = client.get(reverse(ADD)).text
    picker = html.split('name="article"', 1)[1].split(">", 1)[0]
    assert 'class="admin-autocomplete"' in picker
    assert f'data-ajax--url="{reverse(ARTICLE_PICKER)}"' in picker
    article_select = html.split('name="article"', 1)[1].split("</select>", 1)[0]
    assert article_select.count("<option") <= 1  # no drop-down of every article


def test_article_picker_ignores_diacritics_and_offers_only_published(client, officer_a, db):
    held = _article("Đại hội Công đoàn Trường Tiểu học Xuân Lập")
    _article("Đại hội Công đoàn xã Ánh Sơn (bản nháp)", status=Article.Status.DRAFT)
    _article("Hội nghị người lao động")
    client.force_login(officer_a)
    query = {"app_label": "congresses", "model_name": "congress", "field_name": "article"}
    for term in ["dai hoi", "ĐẠI HỘI", "xuan lap"]:
        response = client.get(reverse(ARTICLE_PICKER), {**query, "term": term})
        assert response.status_code == 200
        assert response.json()["results"] == [{"id": str(held.pk), "text": held.title}], term


def test_article_picker_answers_for_the_congress_article_field_only(client, officer_a, db):
    client.force_login(officer_a)
    query = {"app_label": "congresses", "model_name": "congress", "field_name": "organisation"}
    assert client.get(reverse(ARTICLE_PICKER), query).status_code == 403


def test_article_picker_refuses_accounts_that_cannot_record_congresses(client, db):
    _article("Đại hội Công đoàn huyện Thọ Xuân")
    client.force_login(User.objects.create_user("khach", is_staff=True))
    query = {"app_label": "congresses", "model_name": "congress", "field_name": "article"}
    assert client.get(reverse(ARTICLE_PICKER), {**query, "term": "dai"}).status_code == 403


def test_officer_links_a_congress_to_an_article(client, officer_a, union, term):
    article = _article("Đại hội Công đoàn Trường Tiểu học Xuân Lập")
    congress = make_congress(union, term)
    client.force_login(officer_a)
    response = client.post(_change(congress), congress_post_data(congress, article=article.pk))
    assert response.status_code == 302
    congress.refresh_from_db()
    assert congress.article == article
    # The form shows the linked article by its title.
    assert f'<option value="{article.pk}" selected>{article.title}</option>' in (
        client.get(_change(congress)).text
    )


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (Organisation.FederationKind.DISTRICT, "Đại hội Công đoàn huyện"),
        (Organisation.FederationKind.CITY, "Đại hội Công đoàn thành phố"),
        (Organisation.FederationKind.SECTOR, "Đại hội Công đoàn ngành"),
    ],
)
def test_federation_congress_is_named_by_its_level(province, term, kind, label):
    federation = Organisation.objects.create(
        name="Liên đoàn Lao động X",
        parent=province,
        level=Organisation.Level.FEDERATION,
        federation_kind=kind,
    )
    assert make_congress(federation, term).kind_label == label


def test_province_and_grassroots_congress_labels(province, union, term):
    assert make_congress(province, term).kind_label == "Đại hội Công đoàn tỉnh"
    assert make_congress(union, term).kind_label == "Đại hội đại trà"


def test_district_congress_is_not_called_dai_tra_in_the_admin(
    client, province_officer, tho_xuan, union, term
):
    district = make_congress(tho_xuan, term)
    make_congress(union, term)
    client.force_login(province_officer)
    listing = client.get(reverse("admin:congresses_congress_changelist")).text
    row = listing.split("Liên đoàn Lao động huyện Thọ Xuân</a>", 1)[1].split("</tr>", 1)[0]
    assert "Đại hội Công đoàn huyện" in row and "đại trà" not in row
    form = client.get(_change(district)).text
    kind = form.split('name="kind"', 1)[1].split("</select>", 1)[0]
    assert "Đại hội Công đoàn huyện" in kind and "đại trà" not in kind and "điểm" not in kind
    # It re-saves as it is (stored as the regular kind).
    data = congress_post_data(district)
    assert client.post(_change(district), data).status_code == 302


def test_district_congress_page_is_not_called_dai_tra(client, tho_xuan, term):
    district = make_congress(tho_xuan, term)
    html = client.get(district.get_absolute_url()).text
    assert "Đại hội Công đoàn huyện" in html
    assert "đại trà" not in html


def test_unit_that_need_not_hold_a_congress_shows_no_deadline(client, officer_a, union, term):
    congress = make_congress(
        union,
        term,
        status=Congress.Status.NOT_REQUIRED,
        not_required_reason=Congress.NotRequiredReason.DISSOLVED,
        deadline=D(2023, 5, 31),
    )
    planned = make_congress(make_union(union.parent, "Xã Ánh Sơn"), term)
    assert congress.effective_deadline is None
    assert planned.effective_deadline == D(2023, 3, 31)

    # Public pages: the federation's table and the congress page.
    table = client.get(reverse("congresses:federation", args=[union.parent.slug])).text
    row = table.split(f'data-union="{union.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "Không phải tổ chức" in row and "hạn" not in row and "2023" not in row
    planned_row = table.split(f'data-union="{planned.organisation_id}"', 1)[1].split("</tr>")[0]
    assert "hạn 31/03/2023" in planned_row
    page = client.get(congress.get_absolute_url()).text
    assert "Hạn tổ chức" not in page and "31/05/2023" not in page

    # The admin list: a deadline only for the congress still to be held.
    client.force_login(officer_a)
    listing = client.get(reverse("admin:congresses_congress_changelist")).text
    assert "31/03/2023" in listing.split(">Xã Ánh Sơn</a>", 1)[1].split("</tr>", 1)[0]
    row = listing.split(">Trường Tiểu học Xuân Lập</a>", 1)[1].split("</tr>", 1)[0]
    assert "31/05/2023" not in row and "31/03/2023" not in row


def test_congress_form_shows_the_stored_photos_small(client, officer_a, union, term):
    congress = make_congress(union, term)
    photo = CongressPhoto(congress=congress, caption="Biểu quyết")
    photo.image.save("bieu-quyet.png", ContentFile(_png(320, 180)), save=True)
    client.force_login(officer_a)
    html = client.get(_change(congress)).text
    thumbnail = html.split('class="photo-thumbnail"', 1)[1].split("</p>", 1)[0]
    assert f'<img src="{photo.image.url}" alt="Ảnh hiện tại: Biểu quyết"' in thumbnail
    assert 'width="160" height="90"' in thumbnail
    # The empty row for a new photo has none.
    assert html.count('class="photo-thumbnail"') == 1
