"""Writes that follow a document's save."""

from .models import Document


def link_guiding_references(*, document: Document) -> int:
    """Point the congress records' free-text guiding documents with the same số ký hiệu and
    date at this library document. Writes congresses.GuidingDocument; returns how many."""
    from congresses.models import GuidingDocument

    if not document.number_key:
        return 0
    candidates = GuidingDocument.objects.filter(
        document__isnull=True, issued_on=document.issued_on
    ).only("pk", "number")
    matching = [
        g.pk for g in candidates if Document.make_number_key(g.number) == document.number_key
    ]
    if not matching:
        return 0
    return GuidingDocument.objects.filter(pk__in=matching).update(document=document)


def document_saved(*, document: Document) -> None:
    """After a document and its files are saved (admin, import, demo): store the folded text
    of its files for search and link matching congress references. Writes both tables."""
    document.refresh_search_text()
    link_guiding_references(document=document)
