"""Congress records and articles reference library documents; each page links to the other."""

import datetime

import pytest
from django.utils import timezone

from congresses.models import Congress, GuidingDocument, Term
from news.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def congress(hierarchy):
    from congresses.models import Organisation

    term = Term.objects.create(start_year=2023, end_year=2028, is_current=True)
    union = Organisation.objects.create(
        parent=hierarchy["tho_xuan"], name="Công đoàn Trường Tiểu học Xuân Lập",
        level=Organisation.Level.GRASSROOTS, grassroots_type=Organisation.GrassrootsType.SCHOOL,
    )  # fmt: skip
    return Congress.objects.create(
        organisation=union, term=term, level=Congress.Level.GRASSROOTS,
        status=Congress.Status.HELD, held_on=datetime.date(2022, 11, 8),
    )  # fmt: skip


def test_free_text_reference_is_matched_by_number_when_the_document_is_added(congress, issuers):
    from documents.models import Document

    from .conftest import make_document

    reference = GuidingDocument.objects.create(
        number="61/KH-LDLD", issued_on=datetime.date(2022, 4, 5), issuer="LĐLĐ tỉnh"
    )
    congress.guiding_documents.add(reference)
    document = make_document(issuers["province"], "61/KH-LĐLĐ", "Kế hoạch tổ chức đại hội")
    reference.refresh_from_db()
    assert reference.document == document
    assert Document.objects.count() == 1


def test_congress_page_links_to_the_library_document_and_back(client, congress, library):
    document = library["kh61"]
    reference = GuidingDocument.objects.create(
        number="61/KH-LĐLĐ", issued_on=datetime.date(2022, 4, 5), issuer="LĐLĐ tỉnh",
        document=document,
    )  # fmt: skip
    congress.guiding_documents.add(reference)
    congress_page = client.get(congress.get_absolute_url()).text
    assert f'<a href="{document.get_absolute_url()}">61/KH-LĐLĐ</a>' in congress_page
    document_page = client.get(document.get_absolute_url()).text
    assert "Đại hội thực hiện theo văn bản này" in document_page
    assert f'href="{congress.get_absolute_url()}"' in document_page


def test_unpublished_library_document_stays_plain_text_on_the_congress_page(
    client, congress, library
):
    hidden = library["hidden"]
    reference = GuidingDocument.objects.create(
        number=hidden.number, issued_on=hidden.issued_on, issuer="LĐLĐ tỉnh", document=hidden
    )
    congress.guiding_documents.add(reference)
    page = client.get(congress.get_absolute_url()).text
    assert "99/TB-LĐLĐ" in page and hidden.get_absolute_url() not in page


def test_article_page_links_to_cited_documents_and_back(client, library):
    article = Article.objects.create(
        title="Thọ Xuân tổ chức đại hội điểm", status=Article.Status.PUBLISHED,
        publish_at=timezone.now() - datetime.timedelta(hours=1),
    )  # fmt: skip
    library["kh185"].articles.add(article)
    library["hidden"].articles.add(article)
    article_page = client.get(article.get_absolute_url()).text
    assert "Văn bản liên quan" in article_page
    assert f'href="{library["kh185"].get_absolute_url()}"' in article_page
    assert library["hidden"].get_absolute_url() not in article_page
    document_page = client.get(library["kh185"].get_absolute_url()).text
    assert f'href="{article.get_absolute_url()}"' in document_page


def test_menu_and_home_block(client, library):
    home = client.get("/").text
    assert '<a href="/van-ban/"' in home and ">Văn bản</a>" in home
    assert "Văn bản mới" in home
    assert f'href="{library["kh185"].get_absolute_url()}"' in home
    assert library["hidden"].get_absolute_url() not in home
