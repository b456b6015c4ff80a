"""Read-side queries for the congress section.

The progress figures are computed by the database in one grouped query (COUNT … FILTER per
figure, one row per federation), so they always agree with the records and the cost does not
grow with the number of unions. A union without a congress record for the term counts as
"must hold, not held yet".
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    FilteredRelation,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse

from news.models import Article
from unionsite.search import SearchHit, match_rank

from .models import Congress, GuidingDocument, Organisation, Term

# The federation boundary, for other apps (documents) that keep the same one.
from .permissions import assigned_federation_id, sees_all_federations  # noqa: F401

STATUS_OVERDUE = "overdue"
STATUS_FILTER_CHOICES = [*Congress.Status.choices, (STATUS_OVERDUE, "Quá hạn")]


def _terms_current_first() -> QuerySet:
    return Term.objects.order_by("-is_current", "-start_year")


def current_term() -> Term | None:
    """The term marked current, else the latest one."""
    return _terms_current_first().first()


@dataclass
class Progress:
    """Figures for one federation, or the province when ``federation`` is None."""

    federation: Organisation | None = None
    total: int = 0
    not_required: int = 0
    held: int = 0
    model: int = 0
    model_held: int = 0
    overdue: int = 0

    @property
    def must_hold(self) -> int:
        return self.total - self.not_required

    @property
    def not_held(self) -> int:
        return self.must_hold - self.held

    @property
    def percent(self) -> float | None:
        """Share of the unions that must hold a congress that have held it, 0–100."""
        if self.must_hold <= 0:
            return None
        return round(100 * self.held / self.must_hold, 1)

    def add(self, other: "Progress") -> None:
        for name in ("total", "not_required", "held", "model", "model_held", "overdue"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class ProgressTable:
    term: Term
    rows: list[Progress] = field(default_factory=list)
    province: Progress = field(default_factory=Progress)


def _with_term_congress(queryset: QuerySet, term: Term) -> QuerySet:
    return queryset.annotate(
        term_congress=FilteredRelation("congresses", condition=Q(congresses__term=term))
    )


def _pending_and_late(term: Term, today: datetime.date) -> Q:
    """Union still has to hold its congress and its deadline has passed."""
    pending = Q(term_congress__status__in=Congress.PENDING_STATUSES) | Q(term_congress__isnull=True)
    late = Q(term_congress__deadline__lt=today)
    if term.grassroots_deadline and term.grassroots_deadline < today:
        late |= Q(term_congress__deadline__isnull=True)
    return pending & late


def progress_table(
    term: Term, *, today: datetime.date, federation: Organisation | None = None
) -> ProgressTable:
    """Per-federation figures for ``term`` (two queries, whatever the number of unions)."""
    unions = _with_term_congress(Organisation.objects.grassroots().active_in(term), term)
    federations = Organisation.objects.federations().active_in(term)
    if federation is not None:
        unions = unions.filter(parent=federation)
        federations = federations.filter(pk=federation.pk)
    counts = (
        unions.values("parent_id")
        .annotate(
            total=Count("pk"),
            not_required=Count("pk", filter=Q(term_congress__status=Congress.Status.NOT_REQUIRED)),
            held=Count("pk", filter=Q(term_congress__status=Congress.Status.HELD)),
            model=Count("pk", filter=Q(term_congress__kind=Congress.Kind.MODEL)),
            model_held=Count(
                "pk",
                filter=Q(
                    term_congress__kind=Congress.Kind.MODEL,
                    term_congress__status=Congress.Status.HELD,
                ),
            ),
            overdue=Count("pk", filter=_pending_and_late(term, today)),
        )
        .order_by()
    )
    by_parent = {row.pop("parent_id"): row for row in counts}
    table = ProgressTable(term=term)
    for organisation in federations.only("pk", "name", "slug", "federation_kind", "sort_key"):
        progress = Progress(federation=organisation, **by_parent.get(organisation.pk, {}))
        table.rows.append(progress)
        table.province.add(progress)
    return table


def union_statuses(
    term: Term,
    *,
    today: datetime.date,
    federation: Organisation | None = None,
    kind: str = "",
    status: str = "",
) -> QuerySet:
    """Grassroots unions with their congress for ``term`` as annotations (``c_*``), for lists.

    ``status`` "planned" includes unions with no congress record; "overdue" means pending and
    past the deadline.
    """
    unions = _with_term_congress(Organisation.objects.grassroots().active_in(term), term)
    if federation is not None:
        unions = unions.filter(parent=federation)
    if kind:
        unions = unions.filter(term_congress__kind=kind)
    if status == STATUS_OVERDUE:
        unions = unions.filter(_pending_and_late(term, today))
    elif status == Congress.Status.PLANNED:
        unions = unions.filter(Q(term_congress__status=status) | Q(term_congress__isnull=True))
    elif status:
        unions = unions.filter(term_congress__status=status)
    return (
        unions.select_related("parent")
        .annotate(
            c_id=F("term_congress__id"),
            c_kind=F("term_congress__kind"),
            c_status=Coalesce(F("term_congress__status"), Value(Congress.Status.PLANNED)),
            c_reason=F("term_congress__not_required_reason"),
            c_held_on=F("term_congress__held_on"),
            c_planned_on=F("term_congress__planned_on"),
            # A unit that need not hold a congress has no deadline (Congress.effective_deadline).
            c_deadline=Case(
                When(term_congress__status=Congress.Status.NOT_REQUIRED, then=None),
                default=Coalesce(
                    F("term_congress__deadline"),
                    Value(term.grassroots_deadline, output_field=DateField()),
                    output_field=DateField(),
                ),
                output_field=DateField(),
            ),
            c_assessment=F("term_congress__assessment"),
            c_article_id=F("term_congress__article_id"),
        )
        .order_by("parent__sort_key", "sort_key", "pk")
    )


def higher_congresses(term: Term) -> QuerySet:
    """District and province congresses of ``term`` with the published article that reported
    them."""
    return with_published_article(
        Congress.objects.for_term(term)
        .exclude(level=Congress.Level.GRASSROOTS)
        .select_related("organisation__parent", "term")
        .order_by("-level", "organisation__sort_key")
    )


def model_congresses(term: Term) -> QuerySet:
    return with_published_article(
        Congress.objects.for_term(term)
        .model_congresses()
        .select_related("organisation__parent", "term")
        .order_by("held_on", "organisation__sort_key")
    )


def congress_detail(pk: int) -> Congress | None:
    return (
        with_published_article(Congress.objects.select_related("organisation__parent", "term"))
        .prefetch_related(
            "photos",
            # With the library document each reference points at, for the link (same query).
            Prefetch(
                "guiding_documents", queryset=GuidingDocument.objects.select_related("document")
            ),
        )
        .filter(pk=pk)
        .first()
    )


def congresses_reported_by(article_id: int, *, limit: int = 10) -> list[Congress]:
    """The congresses whose record links to this news article ("Đại hội liên quan" on the
    article's page), newest first."""
    return list(
        Congress.objects.filter(article_id=article_id)
        .select_related("organisation__parent", "term")
        .order_by(F("held_on").desc(nulls_last=True), "-pk")[:limit]
    )


def with_published_article(queryset: QuerySet) -> QuerySet:
    """Load each congress's news article only if readers may see it: a draft reads as None."""
    return queryset.prefetch_related(Prefetch("article", queryset=Article.objects.published()))


def search_union_hits(words: list[str], *, limit: int = 10) -> list[SearchHit]:
    """Unions and federations whose name or code holds every folded word, best first, each
    linked to its congress of the current term when it has one (else to its page).

    One query for every organisation's name, code and links; the matching (folded, whole
    words) runs in Python with the site's one rule, so "tho xuan" finds "Thọ Xuân" on SQLite
    and PostgreSQL alike. A province has a few thousand unions: this stays a few milliseconds."""
    # The current term inside the query (the rule of ``current_term``), not a query of its own.
    term = _terms_current_first().values("pk")[:1]
    congress = Congress.objects.filter(organisation=OuterRef("pk"), term=Subquery(term))
    rows = Organisation.objects.annotate(
        parent_name=F("parent__name"),
        parent_slug=F("parent__slug"),
        congress_id=Subquery(congress.order_by("pk").values("pk")[:1]),
    ).values_list("name", "code", "slug", "level", "parent_name", "parent_slug", "congress_id")
    levels = dict(Organisation.Level.choices)
    ranked = []
    for name, code, slug, level, parent_name, parent_slug, congress_id in rows:
        rank = match_rank(words, name, code)
        if rank is None:
            continue
        grassroots = level == Organisation.Level.GRASSROOTS and parent_slug
        page_slug = parent_slug if grassroots else slug
        if congress_id:
            url = reverse("congresses:congress", kwargs={"slug": page_slug, "pk": congress_id})
        elif level == Organisation.Level.PROVINCE:
            url = reverse("congresses:progress")
        else:
            url = reverse("congresses:federation", kwargs={"slug": page_slug})
        meta = levels[level] + (f" · {parent_name}" if parent_name else "")
        ranked.append((rank, SearchHit(title=name, url=url, meta=meta)))
    ranked.sort(key=lambda item: -item[0])  # stable: Vietnamese name order within a rank
    return [hit for _, hit in ranked[:limit]]


def congresses_by_ids(ids) -> list[Congress]:
    """The congress records among ``ids`` (a list or a subquery), by date held, with what
    their title and address need. One query."""
    return list(
        Congress.objects.select_related("organisation__parent", "term")
        .filter(pk__in=ids)
        .order_by("held_on", "organisation__sort_key")
    )
