"""Fixtures for the security tests: staff accounts in each group and a parsed-HTML helper."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, User

PASSWORD = "Mat-khau-rat-kho-2026!"


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # Login tests hash many passwords; the hasher's strength is not what they test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_staff(db):
    """A staff user (not superuser) in the named group, with a known password."""

    def make(username: str, group: str | None = None) -> User:
        user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


class Tags(HTMLParser):
    """Every start tag of a page as (name, {attr: value}), in order."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.data: dict[int, str] = {}
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def named(self, name: str) -> list[dict[str, str]]:
        return [attrs for tag, attrs in self.tags if tag == name]


def parse_csp(header: str) -> dict[str, list[str]]:
    policy = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            policy[words[0]] = words[1:]
    return policy
