"""Fixtures for the security tests: staff accounts in each group and a parsed-HTML helper."""

import pytest
from django.contrib.auth.models import User

from tests.factories import staff_in


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # Login tests hash many passwords; the hasher's strength is not what they test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_staff(db):
    """A staff user (not superuser) in the named group, with a known password."""

    def make(username: str, group: str | None = None) -> User:
        return staff_in(username, *([group] if group else []))

    return make
