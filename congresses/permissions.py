"""Who may see and edit which union records.

Province staff (superusers, or accounts with ``congresses.view_all_federations``) see every
federation. A district officer (group "Cán bộ LĐLĐ huyện") is linked to one federation through
``StaffAssignment`` and sees only that federation and the grassroots unions directly under it.
An account with neither sees nothing. Every admin queryset, form choice, import row and save
goes through these functions, so the boundary is enforced on the server.
"""

from django.db.models import Q

from .models import Organisation, StaffAssignment, in_subtree

DISTRICT_STAFF_GROUP = "Cán bộ LĐLĐ huyện"
ALL_FEDERATIONS_PERMISSION = "congresses.view_all_federations"


def sees_all_federations(user) -> bool:
    return bool(user.is_active and (user.is_superuser or user.has_perm(ALL_FEDERATIONS_PERMISSION)))


def assigned_federation_id(user) -> int | None:
    """The federation a district officer works for, or None (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_congress_federation_id"):
        user._congress_federation_id = (
            StaffAssignment.objects.filter(user=user)
            .values_list("organisation_id", flat=True)
            .first()
        )
    return user._congress_federation_id


def visible_organisations(user):
    """Organisations the user may list and view."""
    if sees_all_federations(user):
        return Organisation.objects.all()
    federation_id = assigned_federation_id(user)
    if federation_id is None:
        return Organisation.objects.none()
    return Organisation.objects.subtree_of(federation_id)


def editable_organisations(user):
    """Organisations the user may change or delete: a district officer edits only the
    grassroots unions under their federation, not the federation itself."""
    if sees_all_federations(user):
        return Organisation.objects.all()
    federation_id = assigned_federation_id(user)
    if federation_id is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(parent_id=federation_id, level=Organisation.Level.GRASSROOTS)


def congress_scope(user) -> Q | None:
    """Filter for congresses the user may see and edit; None means no restriction."""
    if sees_all_federations(user):
        return None
    federation_id = assigned_federation_id(user)
    if federation_id is None:
        return Q(pk__in=[])
    return in_subtree(federation_id, via="organisation__")


def may_edit_organisation(user, organisation: Organisation) -> bool:
    if sees_all_federations(user):
        return True
    federation_id = assigned_federation_id(user)
    return (
        federation_id is not None
        and organisation.level == Organisation.Level.GRASSROOTS
        and organisation.parent_id == federation_id
    )


def may_edit_congress_of(user, organisation: Organisation) -> bool:
    """May the user record a congress for ``organisation``?"""
    if sees_all_federations(user):
        return True
    federation_id = assigned_federation_id(user)
    # The same rule as in_subtree, on one record already in hand (no query).
    return federation_id is not None and federation_id in (organisation.pk, organisation.parent_id)


def may_import_congresses(user) -> bool:
    """May the user import a congress spreadsheet at all (rows are checked one by one)?"""
    return bool(
        user.is_active
        and user.has_perm("congresses.add_congress")
        and user.has_perm("congresses.change_congress")
        and (sees_all_federations(user) or assigned_federation_id(user) is not None)
    )
