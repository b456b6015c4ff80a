import pytest
from django.core.management import call_command

from unionsite.demo import PROFILE
from unionsite.models import SiteProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    return SiteProfile.objects.create(**PROFILE)


def test_home_shows_profile_in_header_and_footer(client, profile):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "Sở Thông tin và truyền thông Thanh Hóa" in html
    assert "HIỆN THỰC HÓA KHÁT VỌNG XÂY DỰNG QUÊ HƯƠNG THANH HÓA" in html
    assert "Giấy phép số 06/GP-TTĐT" in html
    assert "Số 37 - Đại lộ Lê Lợi - Tp. Thanh Hóa" in html
    assert "mailto:congdoanthanhhoa@thanhhoa.gov.vn" in html
    assert "Trung tâm Công nghệ thông tin và truyền thông Thanh Hóa" in html


def test_home_changes_when_profile_changes(client, profile):
    assert "Đường Mới 99" not in client.get("/").content.decode()
    profile.address = "Đường Mới 99"
    profile.slogan = "KHẨU HIỆU MỚI"
    profile.save()
    html = client.get("/").content.decode()
    assert "Địa chỉ: Đường Mới 99" in html
    assert "KHẨU HIỆU MỚI" in html
    assert "Số 37 - Đại lộ Lê Lợi" not in html


def test_pages_have_skip_link_and_no_inline_script_or_style(client, profile):
    html = client.get("/").content.decode()
    assert 'class="skip-link" href="#main"' in html
    assert 'id="main"' in html
    assert "<style" not in html
    assert "<script>" not in html and "<script " in html  # only external, src= scripts
    assert " style=" not in html


def test_site_profile_is_a_single_record(profile):
    SiteProfile(site_name="Khác").save()
    assert SiteProfile.objects.count() == 1
    assert SiteProfile.objects.get().site_name == "Khác"


def test_seed_demo_twice_leaves_one_profile_and_keeps_edits():
    call_command("seed_demo")
    SiteProfile.objects.filter(pk=1).update(phone="0999")
    call_command("seed_demo")
    assert SiteProfile.objects.count() == 1
    assert SiteProfile.objects.get().phone == "0999"


def test_admin_login_page_renders(client, settings):
    response = client.get(f"/{settings.ADMIN_URL}login/")
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_unknown_address_gets_vietnamese_404(client, profile):
    response = client.get("/khong-co-trang-nay/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang bạn cần" in html
    assert "Giấy phép số 06/GP-TTĐT" in html  # in the site's look


def test_profile_admin_has_no_add_once_present(admin_client, profile, settings):
    assert admin_client.get(f"/{settings.ADMIN_URL}unionsite/siteprofile/add/").status_code == 403
    change = admin_client.get(f"/{settings.ADMIN_URL}unionsite/siteprofile/1/change/")
    assert change.status_code == 200


def test_favicon_ico_points_at_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"
