"""Read logic for the document library: lists, filters, search and one document's page.

Other apps call ``search_documents``, ``latest_documents`` and ``documents_for_article``.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import (
    CharField,
    F,
    IntegerField,
    QuerySet,
    Value,
)
from django.db.models.functions import Cast, TruncDate
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from unionsite.search import SearchHit, whole_word_match

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

    One query (a UNION of the four), cached per version."""
    key = caching.key("filter-options")
    options = cache.get(key)
    if options is not None:
        return options
    text, number = CharField(), IntegerField()

    def part(queryset, kind, slug, name, order):
        # .order_by(): SQLite refuses ORDER BY inside the parts of a UNION; sorted below.
        return (
            queryset.order_by()
            .annotate(k=Value(kind, output_field=text), s=slug, n=name, o=order)
            .values_list("k", "s", "n", "o")
        )

    lists = (DocumentType.objects, "t"), (Issuer.objects, "i")
    parts = [part(model, kind, F("slug"), F("name"), F("order")) for model, kind in lists]
    parts.append(part(Field.objects, "f", F("slug"), F("name"), Value(0, output_field=number)))
    years = Document.objects.published().values("issued_year").distinct()
    parts.append(
        part(years, "y", Cast("issued_year", text), Value("", output_field=text), F("issued_year"))
    )
    rows = sorted(parts[0].union(*parts[1:], all=True), key=lambda r: (r[0], r[3], r[2]))
    by_kind = {kind: [(slug, name) for k, slug, name, _ in rows if k == kind] for kind in "tify"}
    options = FilterOptions(
        types=by_kind["t"],
        issuers=by_kind["i"],
        fields=by_kind["f"],
        years=sorted((int(slug) for slug, _ in by_kind["y"]), reverse=True),
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
    condition, rank = whole_word_match(
        words, [("search_number", 5), ("search_title", 3)], ["search_text"], phrase_weight=20
    )
    return base.filter(condition).annotate(rank=rank).order_by("-rank", "-issued_on", "-id")


def search_document_hits(words: list[str], *, limit: int = 10) -> list[SearchHit]:
    """The site search's "Văn bản" kind: the best ``limit`` documents for ``words`` (one query)."""
    return [
        SearchHit(
            title=f"{document.doc_type.name} {document.number}",
            url=document.get_absolute_url(),
            text=document.title,
            meta=f"ngày {document.issued_on:%d/%m/%Y} · {document.issuer.name}",
        )
        for document in search_documents(words)[:limit]
    ]


def library_search_url(query: str) -> str:
    """The library's own search for ``query`` (the site search's "more documents" link)."""
    return f"{reverse('documents:list')}?{urlencode({'q': query})}"


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
    """The document with its lists and files (three queries)."""
    base = Document.objects.all() if include_unpublished else Document.objects.published()
    document = (
        base.select_related("doc_type", "issuer", "replaced_by")
        .defer("search_number", "search_title", "search_text")
        .prefetch_related("fields", "files")
        .filter(slug=slug)
        .first()
    )
    if document is None:
        raise Http404("Không tìm thấy văn bản.")
    if document.replaced_by is not None and not document.replaced_by.is_visible:
        document.replaced_by = None
    return document


@dataclass
class Linked:
    """A published document or article linked to a document, for its page."""

    kind: str  # "related", "replaces" (documents this one replaced) or "article"
    slug: str
    number: str
    title: str
    day: datetime.date
    type_name: str

    def get_absolute_url(self) -> str:
        name = "news:article" if self.kind == "article" else "documents:detail"
        return reverse(name, kwargs={"slug": self.slug})


def linked_items(document: Document) -> dict[str, list[Linked]]:
    """Related documents, the documents it replaced and the articles citing it: one query
    (a UNION), each list newest first."""
    from news.models import Article

    text = CharField()

    def part(queryset, kind, number, day, type_name):
        return (
            queryset.order_by()
            .annotate(k=Value(kind, output_field=text), nb=number, d=day, tn=type_name)
            .values_list("k", "slug", "nb", "title", "d", "tn")
        )

    documents = Document.objects.published()
    parts = [
        part(documents.filter(related=document.pk), "related", F("number"), F("issued_on"),
             F("doc_type__name")),
        part(documents.filter(replaced_by=document.pk), "replaces", F("number"), F("issued_on"),
             F("doc_type__name")),
        part(Article.objects.published().filter(documents=document.pk), "article",
             Value("", output_field=text), TruncDate("publish_at"), Value("", output_field=text)),
    ]  # fmt: skip
    result: dict[str, list[Linked]] = {"related": [], "replaces": [], "article": []}
    for row in sorted(parts[0].union(*parts[1:], all=True), key=lambda r: r[4], reverse=True):
        result[row[0]].append(Linked(*row))
    return result


def citing_congresses(document: Document) -> list:
    """Congress records whose guiding documents point at this library document."""
    from congresses.models import Congress

    return list(
        Congress.objects.filter(guiding_documents__document=document)
        .select_related("organisation__parent", "term")
        .distinct()
        .order_by("-term__start_year", "organisation__sort_key")
    )


def documents_for_article(article_id: int) -> list[Document]:
    """Published library documents an article cites (for the article page)."""
    return list(Document.objects.published().for_lists().filter(articles=article_id))


def open_for_comment() -> QuerySet:
    """Published drafts still open for comment ("dự thảo lấy ý kiến"), newest first: the
    documents the feedback form (``/gop-y/``) offers."""
    return (
        Document.objects.published()
        .filter(comment_until__gte=timezone.localdate())
        .select_related("doc_type")
        .only("pk", "slug", "number", "title", "comment_until", "doc_type__name")
        .order_by("-issued_on", "-id")
    )


def documents_by_ids(ids) -> list[Document]:
    """The published documents among ``ids`` (a list or a subquery), newest first (topic
    pages choose them). One query."""
    return list(
        Document.objects.published()
        .select_related("doc_type", "issuer")
        .filter(pk__in=ids)
        .order_by("-issued_on", "-id")
    )
