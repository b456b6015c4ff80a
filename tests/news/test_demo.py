import io

import pytest
from django.contrib.redirects.models import Redirect
from django.test import override_settings
from easy_thumbnails.models import Source
from PIL import Image

from news import demo
from news.models import Article, Category, Page, Tag


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker, demo_media):
    # Seeding draws 33 photos and their renditions: do it once for this module, then clean up.
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media):
        demo.seed()
    yield
    with django_db_blocker.unblock():
        Article.objects.all().delete()
        Category.objects.all().delete()
        Tag.objects.all().delete()
        Page.objects.all().delete()
        Source.objects.all().delete()
        Redirect.objects.all().delete()


@pytest.fixture
def seeded(_seeded_once, db, settings, demo_media):
    settings.MEDIA_ROOT = demo_media
    return Article.objects.get(slug=demo.THO_XUAN_SLUG)


def test_tho_xuan_article_is_as_on_the_federation_site(seeded):
    assert seeded.title == (
        "Một số giải pháp tổ chức thành công Đại hội điểm công đoàn cơ sở, nhiệm kỳ 2023 – 2028"
    )
    assert seeded.slug == (
        "mot-so-giai-phap-to-chuc-thanh-cong-dai-hoi-diem-cong-doan-co-so-nhiem-ky-2023-2028"
    )
    assert seeded.summary == (
        "Đại hội Công đoàn các cấp là đợt sinh hoạt chính trị sâu rộng, có ý nghĩa đặc biệt "
        "quan trọng đối với đoàn viên, người lao động trong toàn huyện."
    )
    assert seeded.byline == "Doãn Giang"
    assert seeded.cover_caption == "Một số hình ảnh Đại hội điểm CĐCS trên địa bàn huyện"
    assert seeded.body.count("<p>") == 8
    assert seeded.body.startswith("<p>Thực hiện Kế hoạch số 61/KH-LĐLĐ ngày 05/4/2022")
    assert "Bốn là: Liên đoàn lao động huyện đã chỉ đạo chuẩn bị nhân sự" in seeded.body
    assert seeded.body.endswith(
        "tiến tới Đại hội X Công đoàn huyện Thọ Xuân, Đại hội XX Công đoàn Thanh Hóa, "
        "nhiệm kỳ 2023 – 2028.</p>"
    )
    assert seeded.is_visible and seeded.featured


def test_tho_xuan_photo_is_a_generated_jpeg(seeded):
    seeded.cover.open("rb")
    image = Image.open(io.BytesIO(seeded.cover.read()))
    assert (image.format, image.size) == ("JPEG", (1200, 800))


def test_demo_has_thirty_more_articles_in_four_categories(seeded):
    assert Article.objects.published().exclude(pk=seeded.pk).count() >= 30
    assert sorted(Category.objects.values_list("name", flat=True)) == [
        "Chính sách pháp luật",
        "Hoạt động công đoàn",
        "Tin tức - Sự kiện",
        "Đại hội công đoàn",
    ]
    for category in Category.objects.all():
        assert category.articles.count() >= 7
    assert Tag.objects.filter(name="Thọ Xuân").exists()
    assert sorted(Page.objects.filter(language="vi").values_list("slug", flat=True)) == [
        "co-cau-to-chuc",
        "gioi-thieu",
        "lien-he",
    ]
    english = Page.objects.filter(language="en").order_by("order")
    assert [(p.slug, p.translation_of.slug) for p in english] == [
        ("about", "gioi-thieu"),
        ("organisational-structure", "co-cau-to-chuc"),
        ("functions-and-duties", "gioi-thieu"),
        ("contacts", "lien-he"),
    ]


def test_contact_page_has_what_decree_42_asks(seeded, client):
    html = client.get("/trang/lien-he/").text
    for text in ["Số 37 - Đại lộ Lê Lợi", "02373.852.369", "Fax", "congdoanthanhhoa@thanhhoa.gov.vn", "Cán bộ đầu mối liên hệ"]:  # fmt: skip
        assert text in html


def test_seed_twice_changes_nothing(seeded):
    def snapshot():
        return (
            list(
                Article.objects.order_by("pk").values_list("slug", "title", "cover", "view_count")
            ),
            list(Category.objects.order_by("pk").values_list("slug", "name")),
            list(Tag.objects.order_by("pk").values_list("slug")),
            list(Page.objects.order_by("pk").values_list("slug", "body")),
        )

    before = snapshot()
    demo.seed()
    assert snapshot() == before


def test_menu_and_footer_link_the_pages(seeded, client):
    html = client.get("/").text
    nav = html[
        html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))
    ]
    assert '<a href="/chuyen-muc/tin-tuc-su-kien/">Tin tức - Sự kiện</a>' in nav
    assert '<a href="/trang/gioi-thieu/">Giới thiệu</a>' in nav
    assert '<a href="/trang/lien-he/">Liên hệ</a>' in nav
    footer = html[html.index('class="site-footer"') :]
    assert '<a href="/trang/co-cau-to-chuc/">Cơ cấu tổ chức</a>' in footer
    assert '<a href="/trang/so-do-trang/">Sơ đồ trang</a>' in footer


def test_site_map_page_lists_categories_and_pages(seeded, client):
    html = client.get("/trang/so-do-trang/").text
    assert '<a href="/chuyen-muc/dai-hoi-cong-doan/">Đại hội công đoàn</a>' in html
    assert '<a href="/trang/gioi-thieu/">Giới thiệu</a>' in html
    assert '<a href="/dai-hoi/">' in html


def test_home_leads_with_the_tho_xuan_article(seeded, client):
    html = client.get("/").text
    featured = html[html.index('id="featured-title"') :]
    assert featured.index("Một số giải pháp tổ chức thành công") < featured.index("card--compact")


def test_an_old_site_address_answers_301_to_the_tho_xuan_article(seeded, client):
    response = client.get(demo.OLD_SITE_THO_XUAN)
    assert (response.status_code, response["Location"]) == (301, seeded.get_absolute_url())
