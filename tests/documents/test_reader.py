"""/van-ban/: filters that combine, diacritics-free search by number and text, the document
page, downloads, and bad query strings."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LIST = "/van-ban/"


def numbers(response) -> list[str]:
    return re.findall(r'class="doc-table__number"><a href="[^"]+">([^<]+)</a>', response.text)


@pytest.mark.postgres
@pytest.mark.parametrize(
    "query",
    ["61/KH-LĐLĐ", "61 kh ldld", "61/kh-ldld", "61 KH LĐLĐ", "  61/KH-LDLD "],
)
def test_search_by_number_with_and_without_diacritics(client, library, query):
    response = client.get(LIST, {"q": query})
    assert response.status_code == 200
    assert numbers(response)[0] == "61/KH-LĐLĐ"


@pytest.mark.postgres
def test_search_matches_title_and_pdf_text_without_diacritics(client, library):
    assert numbers(client.get(LIST, {"q": "lanh dao dai hoi"})) == ["562-CV/HU"]
    # "Ban chap hanh" is only in the attached PDF of 61/KH-LĐLĐ.
    assert numbers(client.get(LIST, {"q": "Ban chấp hành"})) == ["61/KH-LĐLĐ"]
    assert numbers(client.get(LIST, {"q": "khong co van ban nay"})) == []


@pytest.mark.postgres
def test_filters_combine(client, library):
    assert numbers(client.get(LIST)) == [
        "(không số)", "185/KH-LĐLĐ", "61/KH-LĐLĐ", "562-CV/HU", "12/HD-LĐLĐ"
    ]  # fmt: skip
    assert numbers(client.get(LIST, {"loai": "ke-hoach"})) == ["185/KH-LĐLĐ", "61/KH-LĐLĐ"]
    assert numbers(
        client.get(LIST, {"loai": "ke-hoach", "co_quan": library["kh61"].issuer.slug})
    ) == ["61/KH-LĐLĐ"]
    assert numbers(client.get(LIST, {"linh_vuc": "to-chuc-dai-hoi", "nam": "2022"})) == [
        "61/KH-LĐLĐ", "562-CV/HU"
    ]  # fmt: skip
    assert numbers(client.get(LIST, {"tinh_trang": "het-hieu-luc"})) == ["12/HD-LĐLĐ"]
    assert numbers(client.get(LIST, {"tinh_trang": "du-thao"})) == ["(không số)"]
    # Ranked: all three have "đại hội" in the trích yếu, newest first among equals.
    in_force = set(numbers(client.get(LIST, {"tinh_trang": "con-hieu-luc", "q": "dai hoi"})))
    assert in_force == {"61/KH-LĐLĐ", "185/KH-LĐLĐ", "562-CV/HU"}


def test_replaced_document_shows_its_replacement(client, library):
    old, new = library["expired"], library["kh61"]
    old.replaced_by = new
    old.effective_until = None
    old.save()
    assert numbers(client.get(LIST, {"tinh_trang": "bi-thay-the"})) == ["12/HD-LĐLĐ"]
    page = client.get(old.get_absolute_url()).text
    assert "Bị thay thế" in page and f'href="{new.get_absolute_url()}"' in page
    assert "Văn bản được thay thế" in client.get(new.get_absolute_url()).text


@pytest.mark.parametrize(
    "params",
    [
        {"loai": "khong-co"},
        {"nam": "abc"},
        {"nam": "1800"},
        {"tinh_trang": "<script>"},
        {"co_quan": "x" * 5000},
    ],
)
def test_bad_filter_is_a_400_with_a_vietnamese_message(client, library, params):
    response = client.get(LIST, params)
    assert response.status_code == 400
    assert "không có trong danh sách" in response.text


@pytest.mark.parametrize(
    "query", ["?page=abc", "?page=-3", "?q=%00%01", "?q=" + "đ" * 5000, "?q=***", "?page=99999"]
)
def test_junk_query_strings_never_fail(client, library, query):
    response = client.get(LIST + query)
    assert response.status_code in (200, 404)


def test_unpublished_document_is_invisible(client, library):
    hidden = library["hidden"]
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert "99/TB-LĐLĐ" not in client.get(LIST).text
    assert client.get(hidden.get_absolute_url() + "?preview=1").status_code == 404


def test_document_page_shows_metadata_and_files(client, library):
    document = library["kh61"]
    page = client.get(document.get_absolute_url()).text
    assert "Liên đoàn Lao động tỉnh Thanh Hóa" in page
    assert "05/04/2022" in page
    assert "Còn hiệu lực" in page
    assert "Kế hoạch 61 đại hội.pdf" in page and "(PDF, " in page
    assert 'href="/van-ban/?linh_vuc=to-chuc-dai-hoi"' in page


def test_download_keeps_the_vietnamese_name(client, library):
    attached = library["kh61"].files.get()
    assert not attached.file.name.endswith("Kế hoạch 61 đại hội.pdf")
    assert re.fullmatch(r"van-ban/\d{4}/[0-9a-f]{32}\.pdf", attached.file.name)
    response = client.get(attached.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2061%20%C4%91%E1%BA%A1i%20h%E1%BB%99i.pdf"
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_download_of_a_hidden_document_is_404(client, library):
    from documents.models import DocumentFile

    from .samples import pdf, upload

    attached = DocumentFile.objects.create(document=library["hidden"], file=upload("a.pdf", pdf()))
    assert client.get(attached.get_absolute_url()).status_code == 404
    wrong_slug = reverse("documents:file", kwargs={"slug": "khac", "pk": attached.pk})
    assert client.get(wrong_slug).status_code == 404


def test_feed_and_sitemap_list_published_documents(client, library):
    feed = client.get("/rss/van-ban/").content.decode()
    assert "61/KH-LĐLĐ" in feed and "99/TB-LĐLĐ" not in feed
    # /sitemap.xml is an index; the documents' own file lists them.
    assert "/sitemap-documents.xml" in client.get("/sitemap.xml").content.decode()
    sitemap = client.get("/sitemap-documents.xml").content.decode()
    assert library["kh61"].get_absolute_url() in sitemap
    assert library["hidden"].get_absolute_url() not in sitemap


def test_site_search_includes_documents(client, library):
    page = client.get("/tim-kiem/", {"q": "61 kh ldld"}).text
    assert "Văn bản" in page
    assert f'href="{library["kh61"].get_absolute_url()}"' in page
    assert library["hidden"].get_absolute_url() not in client.get("/tim-kiem/", {"q": "99 tb"}).text
