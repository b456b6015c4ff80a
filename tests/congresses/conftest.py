"""Two districts, a current term and the accounts that work on them."""

import pytest
from django.contrib.auth.models import Permission

from congresses.permissions import DISTRICT_STAFF_GROUP
from tests.factories import FederationFactory, ProvinceFactory, TermFactory, officer_of, staff_in


@pytest.fixture
def term(db):
    return TermFactory()


@pytest.fixture
def province(db):
    return ProvinceFactory()


@pytest.fixture
def tho_xuan(province):
    return FederationFactory(
        parent=province, name="Liên đoàn Lao động huyện Thọ Xuân", code="THOXUAN", slug="tho-xuan"
    )


@pytest.fixture
def dong_son(province):
    return FederationFactory(
        parent=province, name="Liên đoàn Lao động huyện Đông Sơn", code="DONGSON", slug="dong-son"
    )


@pytest.fixture
def officer_a(tho_xuan):
    """District officer of Thọ Xuân."""
    return officer_of("canbo-thoxuan", tho_xuan)


@pytest.fixture
def officer_b(dong_son):
    """District officer of Đông Sơn."""
    return officer_of("canbo-dongson", dong_son)


@pytest.fixture
def province_officer(db):
    user = staff_in("canbo-tinh", DISTRICT_STAFF_GROUP)
    user.user_permissions.add(Permission.objects.get(codename="view_all_federations"))
    return user


@pytest.fixture(autouse=True)
def _pending_imports_in_tmp(settings, tmp_path):
    settings.CONGRESS_IMPORT_DIR = tmp_path / "imports"
