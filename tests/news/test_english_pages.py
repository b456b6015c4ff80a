"""Pages in English under /en/: lang="en", hreflang both ways with the Vietnamese page they
translate, and out of the Vietnamese menu and footer."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from news.models import TRANSLATION_MUST_BE_ENGLISH, Page
from tests.factories import PageFactory, staff_in

pytestmark = pytest.mark.django_db
SITE = "http://testserver"


@pytest.fixture
def pages(settings):
    settings.SITE_URL = SITE
    about_vi = PageFactory(title="Giới thiệu", slug="gioi-thieu", show_in_menu=True)
    about_en = PageFactory(
        title="About the Federation", slug="about", language="en", translation_of=about_vi,
        order=1, show_in_menu=True, show_in_footer=True,
    )  # fmt: skip
    contacts = PageFactory(title="Contacts", slug="contacts", language="en", order=2)
    return about_vi, about_en, contacts


def test_english_page_is_lang_en_and_points_at_its_vietnamese_page(client, pages):
    about_vi, about_en, _ = pages
    response = client.get("/en/about/")
    assert response.status_code == 200
    html = response.text
    assert html.startswith('<!doctype html>\n<html lang="en"')
    assert f'<link rel="alternate" hreflang="vi" href="{SITE}/trang/gioi-thieu/">' in html
    assert f'<link rel="alternate" hreflang="en" href="{SITE}/en/about/">' in html
    assert '<header class="site-header" lang="vi">' in html  # the chrome stays Vietnamese
    assert '<meta property="og:locale" content="en_US">' in html


def test_vietnamese_page_points_at_its_english_translation(client, pages):
    html = client.get("/trang/gioi-thieu/").text
    assert '<html lang="vi"' in html
    assert f'<link rel="alternate" hreflang="en" href="{SITE}/en/about/">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{SITE}/trang/gioi-thieu/">' in html
    assert '<a href="/en/about/" hreflang="en" lang="en">Read in English</a>' in html


def test_english_pages_live_only_under_en_and_stay_out_of_the_vietnamese_menu(client, pages):
    assert client.get("/trang/about/").status_code == 404
    assert client.get("/en/gioi-thieu/").status_code == 404
    home = client.get("/").text
    assert "About the Federation" not in home
    assert (
        '<a class="site-header__language" href="/en/" hreflang="en" lang="en">English</a>' in home
    )


def test_en_lists_the_english_pages_in_order(client, pages):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.text
    index = response.text.split('<ul class="english-index">')[1].split("</ul>")[0]
    assert index == (
        '<li><a href="/en/about/">About the Federation</a></li>'
        '<li><a href="/en/contacts/">Contacts</a></li>'
    )


def test_only_an_english_page_may_be_a_translation(pages):
    about_vi, _, _ = pages
    page = Page(title="Trang khác", slug="khac", translation_of=about_vi)
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert caught.value.message_dict == {"translation_of": [TRANSLATION_MUST_BE_ENGLISH]}


def test_editor_writes_an_english_page_in_the_admin(client, pages):
    about_vi, _, _ = pages
    client.force_login(staff_in("bientap", "Biên tập viên"))
    response = client.post(
        reverse("admin:news_page_add"),
        {"title": "Functions and duties", "slug": "functions-and-duties", "body": "<p>Duties.</p>",
         "order": "3", "language": "en", "translation_of": str(about_vi.pk)},
    )  # fmt: skip
    assert response.status_code == 302
    assert client.get("/en/functions-and-duties/").status_code == 200
