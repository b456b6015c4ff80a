"""Who may manage which documents.

Editors ("Biên tập viên", who hold ``documents.manage_all_documents``), province staff and
superusers manage every document. A district officer ("Cán bộ LĐLĐ huyện") adds and edits only
documents issued by their own federation: issuers linked to the federation they are assigned
to (the same boundary as their congress records, ``congresses.permissions``).
"""

from django.db.models import Q

from congresses.selectors import assigned_federation_id, sees_all_federations

from .models import Document, Issuer

MANAGE_ALL_PERMISSION = "documents.manage_all_documents"


def manages_all_documents(user) -> bool:
    return bool(
        user.is_active and (user.has_perm(MANAGE_ALL_PERMISSION) or sees_all_federations(user))
    )


def issuers_for(user):
    """Issuers the user may choose on a document."""
    if manages_all_documents(user):
        return Issuer.objects.all()
    federation_id = assigned_federation_id(user)
    if federation_id is None:
        return Issuer.objects.none()
    return Issuer.objects.filter(organisation_id=federation_id)


def document_scope(user) -> Q | None:
    """Filter for documents the user may see and edit in the admin; None means all."""
    if manages_all_documents(user):
        return None
    federation_id = assigned_federation_id(user)
    if federation_id is None:
        return Q(pk__in=[])
    return Q(issuer__organisation_id=federation_id)


def may_edit_document(user, document: Document) -> bool:
    if manages_all_documents(user):
        return True
    federation_id = assigned_federation_id(user)
    if federation_id is None or not document.issuer_id:
        return False
    return Issuer.objects.filter(pk=document.issuer_id, organisation_id=federation_id).exists()
