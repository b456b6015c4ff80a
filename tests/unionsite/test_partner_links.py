"""Partner links in every page's footer (and banners on the home page), the home page's date
line, and the emblem in the site profile."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from unionsite.demo import PROFILE
from unionsite.models import PartnerLink, SiteProfile
from unionsite.text import vn_date_line

pytestmark = pytest.mark.django_db

BAD_IMAGE = "Tệp không phải là ảnh hợp lệ. Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF."


def png(size=(300, 100)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 47, 92)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("quantri", password="x-Strong-pass-1"))
    return client


def _footer_links(html: str) -> list[str]:
    return re.findall(
        r'<li><a href="([^"]+)" rel="noopener">', html.split('id="footer-partners-title"')[1]
    )


@pytest.mark.parametrize(
    "url", ["/", "/thu-vien-anh/", "/van-ban/", "/dai-hoi/", "/trang/so-do-trang/"]
)
def test_every_page_footer_lists_the_shown_links_in_order(client, url):
    PartnerLink.objects.create(name="Báo Lao động", url="https://laodong.vn/", order=2)
    PartnerLink.objects.create(name="Tổng LĐLĐ Việt Nam", url="https://www.congdoan.vn/", order=1)
    PartnerLink.objects.create(name="Đã ẩn", url="https://example.vn/", is_active=False)
    response = client.get(url)
    assert response.status_code == 200, url
    assert _footer_links(response.text) == ["https://www.congdoan.vn/", "https://laodong.vn/"]


def test_an_edit_shows_on_the_next_page(client):
    link = PartnerLink.objects.create(name="Báo Lao động", url="https://laodong.vn/")
    assert "Báo Lao động" in client.get("/").text
    link.name = "Báo Lao Động điện tử"
    link.save()
    assert "Báo Lao Động điện tử" in client.get("/").text


def test_home_page_shows_banners_and_names_without_a_banner(admin_client):
    response = admin_client.post(
        reverse("admin:unionsite_partnerlink_add"),
        {"name": "Cổng TTĐT tỉnh Thanh Hóa", "url": "https://thanhhoa.gov.vn/", "order": "0",
         "is_active": "on", "banner": SimpleUploadedFile("Banner tỉnh.png", png())},
    )  # fmt: skip
    assert response.status_code == 302
    PartnerLink.objects.create(name="Báo Lao động", url="https://laodong.vn/", order=1)
    link = PartnerLink.objects.get(order=0)
    assert re.fullmatch(r"site/partners/[0-9a-f]{32}\.png", link.banner.name)
    assert (link.banner_width, link.banner_height) == (300, 100)
    home = admin_client.get("/").text
    banners = home.split('id="partner-banners-title"')[1].split("</section>")[0]
    assert (
        f'<img src="{link.banner.url}" width="300" height="100" alt="Cổng TTĐT tỉnh Thanh Hóa"'
        in banners
    )
    assert '<a href="https://laodong.vn/" rel="noopener">Báo Lao động</a>' in banners


@pytest.mark.parametrize(
    "data, errors",
    [
        ({"url": "javascript:alert(1)"}, {"url": ["Nhập một URL hợp lệ."]}),
        ({"url": "ftp://example.vn/"}, {"url": ["Nhập một URL hợp lệ."]}),
        ({"banner": SimpleUploadedFile("b.png", b"<svg/>")}, {"banner": [BAD_IMAGE]}),
    ],
)
def test_bad_links_and_banners_get_vietnamese_errors(admin_client, data, errors):
    response = admin_client.post(
        reverse("admin:unionsite_partnerlink_add"),
        {"name": "Liên kết", "url": "https://example.vn/", "order": "0", **data},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == errors
    assert PartnerLink.objects.count() == 0


def test_date_line_names_the_weekday_in_vietnamese():
    assert vn_date_line(datetime.date(2026, 12, 4)) == "Thứ Sáu, 04/12/2026"
    assert vn_date_line(datetime.date(2026, 12, 6)) == "Chủ Nhật, 06/12/2026"
    assert vn_date_line(datetime.date(2026, 12, 2)) == "Thứ Tư, 02/12/2026"


def test_home_page_date_line_is_today_in_ho_chi_minh_city(client):
    from django.utils import timezone

    today = timezone.localdate()
    html = client.get("/").text
    assert (
        f'<p class="date-line"><time datetime="{today.isoformat()}">{vn_date_line(today)}</time></p>'
        in html
    )


def test_the_emblem_is_reencoded_and_shown_with_the_placeholder_as_fallback(admin_client):
    profile = SiteProfile.objects.create(**PROFILE)
    assert (
        '<span class="site-header__mark" aria-hidden="true">CĐ</span>' in admin_client.get("/").text
    )
    url = reverse("admin:unionsite_siteprofile_change", args=[profile.pk])
    data = {**PROFILE, "logo": SimpleUploadedFile("Logo LĐLĐ.png", png(size=(1024, 1024)))}
    response = admin_client.post(url, data)
    assert response.status_code == 302
    profile.refresh_from_db()
    assert re.fullmatch(r"site/[0-9a-f]{32}\.png", profile.logo.name)
    with profile.logo.open() as stored:
        assert Image.open(stored).size == (256, 256)
    html = admin_client.get("/").text
    assert f'<img class="site-header__logo" src="{profile.logo.url}"' in html
    assert "site-header__mark" not in html


def test_a_bad_emblem_gets_a_vietnamese_error(admin_client):
    profile = SiteProfile.objects.create(**PROFILE)
    url = reverse("admin:unionsite_siteprofile_change", args=[profile.pk])
    response = admin_client.post(
        url, {**PROFILE, "logo": SimpleUploadedFile("logo.svg", b"<svg/>")}
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"logo": [BAD_IMAGE]}
