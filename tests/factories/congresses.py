"""The union tree (province, district federations, grassroots unions), terms and congresses."""

import datetime

import factory
from django.contrib.auth.models import User

from congresses.models import Congress, Organisation, StaffAssignment, Term
from congresses.permissions import DISTRICT_STAFF_GROUP

from .people import staff_in


class TermFactory(factory.django.DjangoModelFactory):
    """The 2023–2028 term, current, with the province's grassroots deadline."""

    class Meta:
        model = Term
        django_get_or_create = ("start_year", "end_year")

    start_year = 2023
    end_year = 2028
    is_current = True
    grassroots_deadline = datetime.date(2023, 3, 31)


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("code",)

    name = "Liên đoàn Lao động tỉnh Thanh Hóa"
    code = "THANHHOA"
    level = Organisation.Level.PROVINCE


class FederationFactory(factory.django.DjangoModelFactory):
    """A district federation under the province."""

    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Liên đoàn Lao động huyện Số {n}")
    parent = factory.SubFactory(ProvinceFactory)
    level = Organisation.Level.FEDERATION
    federation_kind = Organisation.FederationKind.DISTRICT


class UnionFactory(factory.django.DjangoModelFactory):
    """A grassroots union (công đoàn cơ sở) of a federation."""

    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Trường Tiểu học Số {n}")
    parent = factory.SubFactory(FederationFactory)
    level = Organisation.Level.GRASSROOTS
    grassroots_type = Organisation.GrassrootsType.SCHOOL


class CongressFactory(factory.django.DjangoModelFactory):
    """A congress checked by the model's clean() before it is saved, as the admin does."""

    class Meta:
        model = Congress

    organisation = factory.SubFactory(UnionFactory)
    term = factory.SubFactory(TermFactory)
    level = factory.LazyAttribute(lambda c: Congress.LEVEL_FOR_ORGANISATION[c.organisation.level])

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        congress = model_class(*args, **kwargs)
        congress.full_clean()
        congress.save()
        return congress


def make_union(federation, name, **fields) -> Organisation:
    return UnionFactory(parent=federation, name=name, **fields)


def make_congress(organisation, term, **fields) -> Congress:
    return CongressFactory(organisation=organisation, term=term, **fields)


def officer_of(username: str, federation: Organisation, **fields) -> User:
    """A district officer ("Cán bộ LĐLĐ huyện") assigned to one federation."""
    user = staff_in(username, DISTRICT_STAFF_GROUP, **fields)
    StaffAssignment.objects.create(user=user, organisation=federation)
    return user
