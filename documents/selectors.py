"""Read logic for the document library: lists, filters, search and one document's page.

Other apps call ``search_documents``, ``latest_documents`` and ``documents_for_article``.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Case, Prefetch, Q, QuerySet, Value, When
from django.http import Http404

from . import caching
from .models import Document, DocumentType, Field, Issuer, Status


@dataclass
class FilterOptions:
    types: list[tuple[str, str]]
    issuers: list[tuple[str, str]]
    fields: list[tuple[str, str]]
    years: list[int]


def filter_options() -> FilterOptions:
    """Choices for the filter form: the editable lists and the years that have documents.

    Cached per version, so the list page does not query them."""
    key = caching.key("filter-options")
    options = cache.get(key)
    if options is None:
        published = Document.objects.published()
        options = FilterOptions(
            types=list(DocumentType.objects.values_list("slug", "name")),
            issuers=list(Issuer.objects.values_list("slug", "name")),
            fields=list(Field.objects.values_list("slug", "name")),
            years=list(
                published.order_by("-issued_year").values_list("issued_year", flat=True).distinct()
            ),
        )
        cache.set(key, options, caching.FRAGMENT_TTL)
    return options


def search_documents(words: list[str], queryset: QuerySet | None = None) -> QuerySet:
    """Documents matching every folded word in the number, the trích yếu or the text
    (body, signer, attached PDF/DOCX text), best first: number hits, then trích yếu hits.

    Words come from ``news.selectors.clean_query`` (folded: "61/KH-LĐLĐ" and "61 kh ldld"
    both give ["61", "kh", "ldld"]). Plain whole-word matching on both databases: a
    provincial library holds thousands of documents, not millions."""
    base = Document.objects.published().for_lists() if queryset is None else queryset
    if not words:
        return base.none()
    condition = Q()
    phrase = f" {' '.join(words)} "
    rank = Case(When(search_number__contains=phrase, then=Value(20)), default=Value(0))
    for word in words:
        padded = f" {word} "
        condition &= (
            Q(search_number__contains=padded)
            | Q(search_title__contains=padded)
            | Q(search_text__contains=padded)
        )
        rank = rank + Case(
            When(search_number__contains=padded, then=Value(5)),
            When(search_title__contains=padded, then=Value(3)),
            default=Value(1),
        )
    return base.filter(condition).annotate(rank=rank).order_by("-rank", "-issued_on", "-id")


def filtered_documents(
    *,
    doc_type: str = "",
    issuer: str = "",
    field: str = "",
    year: int | None = None,
    status: str = "",
    words: list[str] | None = None,
) -> QuerySet:
    """Published documents matching every given filter (slugs for the editable lists)."""
    documents = Document.objects.published().for_lists()
    if doc_type:
        documents = documents.filter(doc_type__slug=doc_type)
    if issuer:
        documents = documents.filter(issuer__slug=issuer)
    if field:
        documents = documents.filter(fields__slug=field)
    if year:
        documents = documents.filter(issued_year=year)
    if status:
        documents = documents.with_status(Status(status))
    if words:
        documents = search_documents(words, documents)
    return documents


def latest_documents(limit: int = 5) -> list[Document]:
    return list(Document.objects.published().for_lists()[:limit])


def document_for_reader(slug: str, *, include_unpublished: bool = False) -> Document:
    """The document with its lists, files, related, replacing and replaced documents."""
    base = Document.objects.all() if include_unpublished else Document.objects.published()
    linked = (
        Document.objects.published()
        .select_related("doc_type")
        .only("id", "slug", "number", "title", "issued_on", "doc_type__name")
    )
    document = (
        base.select_related("doc_type", "issuer", "replaced_by")
        .defer("search_number", "search_title", "search_text")
        .prefetch_related(
            "fields",
            Prefetch("files"),
            Prefetch("related", queryset=linked, to_attr="visible_related"),
            Prefetch("replaces", queryset=linked, to_attr="visible_replaces"),
        )
        .filter(slug=slug)
        .first()
    )
    if document is None:
        raise Http404("Không tìm thấy văn bản.")
    if document.replaced_by is not None and not document.replaced_by.is_visible:
        document.replaced_by = None
    return document


def citing_congresses(document: Document) -> list:
    """Congress records whose guiding documents point at this library document."""
    from congresses.models import Congress

    return list(
        Congress.objects.filter(guiding_documents__document=document)
        .select_related("organisation__parent", "term")
        .distinct()
        .order_by("-term__start_year", "organisation__sort_key")
    )


def citing_articles(document: Document) -> list:
    from news.models import Article

    return list(Article.objects.published().for_lists().filter(documents=document))


def documents_for_article(article_id: int) -> list[Document]:
    """Published library documents an article cites (for the article page)."""
    return list(Document.objects.published().for_lists().filter(articles=article_id))
