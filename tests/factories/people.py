"""Accounts: readers never log in, so every account here is staff of some group."""

import factory
from django.contrib.auth.models import Group, User

PASSWORD = "Mat-khau-rat-kho-2026!"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@ldld.thanhhoa.vn")
    password = factory.django.Password(PASSWORD)


class StaffFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        # The groups are made by the apps' migrations; a missing one is a test's mistake.
        if create and names:
            self.groups.add(*(Group.objects.get(name=name) for name in names))


def staff_in(username: str, *groups: str, **fields) -> User:
    """A staff account (not superuser) in the named groups, with the password PASSWORD."""
    return StaffFactory(username=username, groups=groups, **fields)
