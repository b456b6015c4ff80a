"""Two districts, a current term and the accounts that work on them."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission

from congresses.models import Organisation, StaffAssignment, Term
from congresses.permissions import DISTRICT_STAFF_GROUP

D = datetime.date


@pytest.fixture
def term(db):
    return Term.objects.create(
        start_year=2023, end_year=2028, is_current=True, grassroots_deadline=D(2023, 3, 31)
    )


@pytest.fixture
def province(db):
    return Organisation.objects.create(
        name="Liên đoàn Lao động tỉnh Thanh Hóa",
        code="THANHHOA",
        level=Organisation.Level.PROVINCE,
    )


def _federation(province, name, code, slug):
    return Organisation.objects.create(
        name=name,
        code=code,
        slug=slug,
        parent=province,
        level=Organisation.Level.FEDERATION,
        federation_kind=Organisation.FederationKind.DISTRICT,
    )


@pytest.fixture
def tho_xuan(province):
    return _federation(province, "Liên đoàn Lao động huyện Thọ Xuân", "THOXUAN", "tho-xuan")


@pytest.fixture
def dong_son(province):
    return _federation(province, "Liên đoàn Lao động huyện Đông Sơn", "DONGSON", "dong-son")


def _officer(django_user_model, username, federation):
    user = django_user_model.objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=DISTRICT_STAFF_GROUP))
    StaffAssignment.objects.create(user=user, organisation=federation)
    return user


@pytest.fixture
def officer_a(django_user_model, tho_xuan):
    """District officer of Thọ Xuân."""
    return _officer(django_user_model, "canbo-thoxuan", tho_xuan)


@pytest.fixture
def officer_b(django_user_model, dong_son):
    """District officer of Đông Sơn."""
    return _officer(django_user_model, "canbo-dongson", dong_son)


@pytest.fixture
def province_officer(django_user_model, db):
    user = django_user_model.objects.create_user("canbo-tinh", is_staff=True)
    user.groups.add(Group.objects.get(name=DISTRICT_STAFF_GROUP))
    user.user_permissions.add(Permission.objects.get(codename="view_all_federations"))
    return user
