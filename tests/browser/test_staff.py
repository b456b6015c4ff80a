"""Staff journeys in the admin, through the real login form (axes counts real attempts)."""

import uuid

import pytest
from django.contrib.auth.models import Group, User

from congresses.models import Congress, Organisation, StaffAssignment

from .conftest import assert_no_page_errors, shoot

pytestmark = pytest.mark.browser

PASSWORD = "mật-khẩu-thử-nghiệm-2023"


def make_staff(group_name: str) -> User:
    user = User.objects.create_user(
        f"canbo-{uuid.uuid4().hex[:8]}", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(page, site_url, user, next_path):
    page.goto(f"{site_url}/admin/login/?next={next_path}")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(site_url + next_path)


def district_figures(page, site_url) -> tuple[str, str]:
    page.goto(site_url + "/dai-hoi/tho-xuan/")
    return (
        page.locator('[data-figure="held"]').inner_text(),
        page.locator('[data-figure="percent"]').inner_text(),
    )


def test_district_officer_records_a_congress_and_the_public_figure_changes(page, site_url):
    officer = make_staff("Cán bộ LĐLĐ huyện")
    StaffAssignment.objects.create(
        user=officer, organisation=Organisation.objects.get(slug="tho-xuan")
    )
    congress = Congress.objects.get(organisation__name="Xã Ánh Sơn")
    assert congress.status == Congress.Status.PLANNED
    held_before, percent_before = district_figures(page, site_url)

    log_in(page, site_url, officer, "/admin/congresses/congress/")
    page.get_by_role("link", name="Xã Ánh Sơn", exact=True).click()
    page.wait_for_url(f"{site_url}/admin/congresses/congress/{congress.pk}/change/")
    page.locator("#id_status").select_option(label="Đã tổ chức")
    page.locator("#id_held_on").fill("2023-03-29")
    shoot(page, "admin-congress")
    page.locator("input[name=_save]").first.click()
    page.wait_for_url(site_url + "/admin/congresses/congress/")
    assert page.locator(".messagelist .success").count() == 1

    held_after, percent_after = district_figures(page, site_url)
    assert int(held_after) == int(held_before) + 1
    assert percent_after != percent_before
    assert page.get_by_role("row", name="Xã Ánh Sơn").get_by_text("Đã tổ chức").is_visible()

    # Another district's record: not listed, and opening it by address is refused.
    other = Congress.objects.filter(organisation__parent__slug="dong-son").first()
    page.goto(f"{site_url}/admin/congresses/congress/{other.pk}/change/")
    assert page.url == site_url + "/admin/"
    assert "không tồn tại" in page.locator(".messagelist").inner_text()
    assert Congress.objects.get(pk=other.pk).status == other.status
    assert_no_page_errors(page)
