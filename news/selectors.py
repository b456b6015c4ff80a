"""Read logic for reader pages: what each page shows, in a fixed number of queries."""

import hashlib
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    Window,
)
from django.http import Http404

from unionsite.models import PartnerLink
from unionsite.search import SearchHit, match_rank, whole_word_match

from . import caching
from .models import Article, Category, Page, search_words
from .sanitize import html_to_text

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 10
# Category and tag lists offer this many pages at most (see paginate).
MAX_LIST_PAGES = 100
# How many matching articles a search ranks (the newest that match); see search_result.
SEARCH_LIMIT = 500


@dataclass
class Chrome:
    """Categories and pages for the menu, footer and site map, and the partner links of the
    footer (cached per generation)."""

    categories: list[Category] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    partner_links: list[PartnerLink] = field(default_factory=list)

    @property
    def menu_categories(self) -> list[Category]:
        return [c for c in self.categories if c.show_in_menu]

    @property
    def menu_pages(self) -> list[Page]:
        return [p for p in self.pages if p.show_in_menu]

    @property
    def footer_pages(self) -> list[Page]:
        return [p for p in self.pages if p.show_in_footer]

    @property
    def top_categories(self) -> list[Category]:
        return [c for c in self.categories if not c.parent_id]

    @property
    def category_tree(self) -> list[tuple[Category, list[Category]]]:
        """Top-level categories with their direct children, for the site map."""
        return [
            (c, [child for child in self.categories if child.parent_id == c.pk])
            for c in self.categories
            if not c.parent_id
        ]

    def category(self, slug: str) -> Category | None:
        return next((c for c in self.categories if c.slug == slug), None)


def chrome(request=None) -> Chrome:
    """All categories, pages and shown partner links in one query (a UNION), cached until the
    next edit.

    With ``request``, read from the cache once per request: the menu, the footer and the
    view all ask for it."""
    if request is not None:
        if not hasattr(request, "_news_chrome"):
            request._news_chrome = chrome()
        return request._news_chrome
    key = caching.key("chrome")
    cached = cache.get(key)
    if cached is not None:
        return cached
    boolean = BooleanField()
    # .order_by(): SQLite refuses ORDER BY inside the parts of a UNION; sorted below instead.
    categories = (
        Category.objects.order_by()
        .annotate(
            kind=Value("c", output_field=CharField()),
            footer=Value(False, output_field=boolean),
        )
        .values_list(
            "kind",
            "id",
            "name",
            "slug",
            "order",
            "show_in_menu",
            "footer",
            "parent_id",
            "description",
        )  # fmt: skip
    )
    # Pages have no description here: the column only keeps the UNION's shape.
    pages = (
        Page.objects.filter(language=Page.Language.VI)
        .order_by()
        .annotate(
            kind=Value("p", output_field=CharField()),
            parent=Value(None, output_field=IntegerField()),
            no_description=Value("", output_field=TextField()),
        )
        .values_list(
            "kind",
            "id",
            "title",
            "slug",
            "order",
            "show_in_menu",
            "show_in_footer",
            "parent",
            "no_description",
        )  # fmt: skip
    )
    # The footer's related portals (unionsite.PartnerLink): name and address in the slug's
    # place; their banners (home page only) are read by unionsite's own tag.
    links = (
        PartnerLink.objects.filter(is_active=True)
        .order_by()
        .annotate(
            kind=Value("l", output_field=CharField()),
            in_menu=Value(False, output_field=boolean),
            footer=Value(True, output_field=boolean),
            parent=Value(None, output_field=IntegerField()),
            no_description=Value("", output_field=TextField()),
        )
        .values_list(
            "kind",
            "id",
            "name",
            "url",
            "order",
            "in_menu",
            "footer",
            "parent",
            "no_description",
        )  # fmt: skip
    )
    result = Chrome()
    for row in categories.union(pages, links, all=True):
        kind, pk, name, slug, order, in_menu, in_footer, parent_id, description = row
        if kind == "l":
            result.partner_links.append(PartnerLink(id=pk, name=name, url=slug, order=order))
        elif kind == "c":
            # Every field the category page shows (its meta description too), so the cached
            # category is the whole category.
            result.categories.append(
                Category(
                    id=pk,
                    name=name,
                    slug=slug,
                    description=description,
                    order=order,
                    show_in_menu=in_menu,
                    parent_id=parent_id,
                )  # fmt: skip
            )
        else:
            result.pages.append(
                Page(
                    id=pk,
                    title=name,
                    slug=slug,
                    order=order,
                    show_in_menu=in_menu,
                    show_in_footer=in_footer,
                )  # fmt: skip
            )
    result.categories.sort(key=lambda c: (c.order, c.name))
    result.pages.sort(key=lambda p: (p.order, p.title))
    result.partner_links.sort(key=lambda link: (link.order, link.name))
    cache.set(key, result, caching.FRAGMENT_TTL)
    return result


def page_number(page_param) -> int:
    """``?page=`` as a number: garbage or numbers below 1 give 1."""
    try:
        return max(int(str(page_param or "1")[:12]), 1)
    except ValueError:
        return 1


def paginate(queryset, page_param, *, per_page: int) -> PaginatorPage:
    """The requested page of at most ``MAX_LIST_PAGES``, rows and total in one query.

    Both are bounded, however large the archive: the total counts at most the newest
    ``MAX_LIST_PAGES × per_page + 1`` rows (``COUNT(*) OVER ()`` over them), and no page
    lies deeper than that (older articles are reached through search and the sitemap).
    Garbage or numbers below 1 give page 1; a page past the end is a 404.
    ``page.paginator.capped`` says there are more rows than pages offered."""
    number = page_number(page_param)
    cap = MAX_LIST_PAGES * per_page
    if number > MAX_LIST_PAGES:
        raise Http404("Trang không tồn tại.")
    offset = (number - 1) * per_page
    newest = queryset.values("pk")[: cap + 1]
    rows = list(
        queryset.filter(pk__in=newest).annotate(total_rows=Window(Count("pk")))[
            offset : offset + per_page
        ]
    )
    if not rows and number > 1:
        raise Http404("Trang không tồn tại.")
    total = rows[0].total_rows if rows else 0
    paginator = Paginator(rows, per_page)
    paginator.count = min(total, cap)  # instead of a second COUNT query
    paginator.capped = total > cap
    return PaginatorPage(rows, number, paginator)


def featured_articles(limit: int = 5) -> list[Article]:
    articles = list(Article.objects.published().for_lists().filter(featured=True)[:limit])
    return articles or list(Article.objects.published().for_lists()[:limit])


def latest_by_category(categories: list[Category], *, per_category: int = 3) -> list:
    """``[(category, [articles…]), …]`` for the given categories, one small query each.

    Each query walks the newest articles down the ``publish_at`` index and stops after
    ``per_category``; one window over every category's articles would rank them all."""
    sections = []
    for category in categories:
        articles = list(
            Article.objects.published().for_lists().filter(categories=category.pk)[:per_category]
        )
        if articles:
            sections.append((category, articles))
    return sections


def most_read(limit: int = 5) -> list[Article]:
    return list(
        Article.objects.published().for_lists().order_by("-view_count", "-publish_at")[:limit]
    )


def article_for_reader(slug: str, *, include_unpublished: bool = False) -> Article:
    """The article with its first category and previous/next published articles, in one
    query. Drafts and scheduled articles only with ``include_unpublished`` (staff preview)."""
    published = Article.objects.published()
    # The plain bound (publish_at <= X) lets PostgreSQL start on the index at X and stop at
    # the first row; the OR alone (publish_at < X OR …) made it read every older article.
    older = published.filter(
        Q(publish_at__lt=OuterRef("publish_at")) | Q(id__lt=OuterRef("id")),
        publish_at__lte=OuterRef("publish_at"),
    ).order_by("-publish_at", "-id")
    newer = published.filter(
        Q(publish_at__gt=OuterRef("publish_at")) | Q(id__gt=OuterRef("id")),
        publish_at__gte=OuterRef("publish_at"),
    ).order_by("publish_at", "id")
    first_category = Category.objects.filter(articles=OuterRef("pk")).order_by("order", "name")
    base = Article.objects.all() if include_unpublished else published
    article = (
        base.select_related("created_by")
        .defer("search_title", "search_meta", "search_text", "search_vector")
        .annotate(
            older_title=Subquery(older.values("title")[:1]),
            older_slug=Subquery(older.values("slug")[:1]),
            newer_title=Subquery(newer.values("title")[:1]),
            newer_slug=Subquery(newer.values("slug")[:1]),
            category_name=Subquery(first_category.values("name")[:1]),
            category_slug=Subquery(first_category.values("slug")[:1]),
        )
        .filter(slug=slug)
        .first()
    )
    if article is None:
        raise Http404("Không tìm thấy bài viết.")
    return article


def related_articles(article: Article, limit: int = 4) -> list[Article]:
    """Newest published articles sharing a category with ``article``.

    ``EXISTS`` instead of a join and ``DISTINCT``: the newest articles are checked one by
    one down the ``publish_at`` index until ``limit`` are found, rather than all articles
    of those categories being collected and sorted."""
    through = Article.categories.through.objects
    shared = through.filter(
        article_id=OuterRef("pk"),
        category_id__in=through.filter(article_id=article.pk).values("category_id"),
    )
    return list(
        Article.objects.published()
        .for_lists()
        .filter(Exists(shared))
        .exclude(pk=article.pk)[:limit]
    )


def clean_query(raw: str) -> tuple[str, list[str]]:
    """The query as shown back to the reader (trimmed) and its folded search words."""
    text = " ".join((raw or "")[: MAX_QUERY_CHARS * 2].split())[:MAX_QUERY_CHARS]
    return text, search_words(text)[:MAX_QUERY_WORDS]


@dataclass(frozen=True)
class SearchResult:
    """Ids of matching articles, best first, and whether more matched than were ranked."""

    ids: list[int]
    capped: bool


def search_result(words: list[str]) -> SearchResult:
    """Published articles matching all ``words`` (folded), best first, cached.

    At most ``SEARCH_LIMIT`` articles are ranked: the newest that match. A common word in a
    large archive matches tens of thousands of articles; ranking them all, or counting them
    exactly, would read every one on every new query. Cached per query until the next news
    edit (the news cache generation), so a repeated query costs no SQL."""
    if not words:
        return SearchResult([], False)
    digest = hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]
    key = caching.key("search", digest)
    result = cache.get(key)
    if result is None:
        ids = _ranked_ids(words)
        result = SearchResult(ids[:SEARCH_LIMIT], len(ids) > SEARCH_LIMIT)
        cache.set(key, result, caching.FRAGMENT_TTL)
    return result


def _ranked_ids(words: list[str]) -> list[int]:
    """Up to ``SEARCH_LIMIT + 1`` ids, best first (the extra one says "there are more").

    PostgreSQL: the stored weighted vector (title A; byline, tags, sapo and body B; kept by
    a trigger) through its GIN index, ``ts_rank`` over the newest matches only. SQLite:
    whole words with ``LIKE '% word %'`` on the folded columns, title matches first."""
    published = Article.objects.published()
    if connection.vendor == "postgresql":
        query = SearchQuery(" ".join(words), search_type="plain", config="simple")
        newest = (
            published.filter(search_vector=query)
            .order_by("-publish_at", "-id")
            .values("pk")[: SEARCH_LIMIT + 1]
        )
        ranked = Article.objects.filter(pk__in=Subquery(newest)).annotate(
            rank=SearchRank(F("search_vector"), query)
        )
    else:
        condition, rank = whole_word_match(
            words, [("search_title", 3)], ["search_meta", "search_text"], phrase_weight=10
        )
        newest = published.filter(condition).order_by("-publish_at", "-id").values("pk")
        ranked = Article.objects.filter(pk__in=newest[: SEARCH_LIMIT + 1]).annotate(rank=rank)
    return list(ranked.order_by("-rank", "-publish_at", "-id").values_list("pk", flat=True))


def search_page(words: list[str], page_param, *, per_page: int) -> PaginatorPage:
    """One page of ``search_result``: the cached ids sliced, then one query for the cards.

    ``page.paginator.capped`` says more articles matched than were ranked."""
    result = search_result(words)
    number = page_number(page_param)
    page_ids = result.ids[(number - 1) * per_page : number * per_page]
    if not page_ids and number > 1:
        raise Http404("Trang không tồn tại.")
    by_id = Article.objects.published().for_lists().in_bulk(page_ids)
    paginator = Paginator(result.ids, per_page)
    paginator.capped = result.capped
    return PaginatorPage([by_id[pk] for pk in page_ids if pk in by_id], number, paginator)


def search_page_hits(words: list[str], *, limit: int = 10) -> list[SearchHit]:
    """Editor-maintained pages (Giới thiệu, Liên hệ…) holding every folded word, best first.

    A site has a handful of pages: their titles and text are read once per cache generation
    and matched in Python with the site's one rule (``unionsite.search.match_rank``)."""

    def build():
        return [
            SearchHit(title=page.title, url=page.get_absolute_url(), text=html_to_text(page.body))
            for page in Page.objects.only("title", "slug", "body")
        ]

    pages = cache.get_or_set(caching.key("page-search"), build, caching.FRAGMENT_TTL)
    ranked = [(match_rank(words, hit.title, hit.text), hit) for hit in pages]
    ranked = sorted((item for item in ranked if item[0] is not None), key=lambda i: -i[0])
    return [hit for _, hit in ranked[:limit]]


def newest_articles(limit: int = 5) -> list[Article]:
    """The newest published articles (the search page's suggestions when nothing matched)."""
    return list(Article.objects.published().for_lists()[:limit])


def articles_tagged(tag_id: int):
    """Published articles carrying the tag ``tag_id``, newest first, with the columns cards
    use (topic pages page through them)."""
    return Article.objects.published().for_lists().filter(tags=tag_id)


def english_pages() -> list[Page]:
    """The English pages, in menu order, for /en/ (one query)."""
    return list(
        Page.objects.filter(language=Page.Language.EN)
        .only("id", "title", "slug", "order", "language")
        .order_by("order", "title")
    )
