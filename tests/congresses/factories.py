"""Small builders for congress tests (no JSON fixtures)."""

from congresses.models import Congress, Organisation


def make_union(federation, name, **fields):
    fields.setdefault("grassroots_type", Organisation.GrassrootsType.SCHOOL)
    return Organisation.objects.create(
        parent=federation, name=name, level=Organisation.Level.GRASSROOTS, **fields
    )


def make_congress(organisation, term, **fields):
    fields.setdefault("level", Congress.LEVEL_FOR_ORGANISATION[organisation.level])
    congress = Congress(organisation=organisation, term=term, **fields)
    congress.full_clean()
    congress.save()
    return congress
