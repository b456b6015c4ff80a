"""Pages that compose several apps: the site search."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.views.decorators.http import require_safe

from news import selectors as news_selectors
from unionsite.search import highlight, snippet, strip_control_characters

from .search import other_hits

PER_PAGE = 12


@require_safe
def search(request):
    """Articles (paginated), then pages and unions/congresses, matched words highlighted."""
    query, words = news_selectors.clean_query(strip_control_characters(request.GET.get("q", "")))
    context = {"query": query, "has_words": bool(words), "groups": [], "page_obj": None}
    context["search"] = True  # news/_article_list.html: the "more than ranked" note
    if words:
        page = news_selectors.search_page(words, request.GET.get("page"), per_page=PER_PAGE)
        for article in page:
            article.title_html = highlight(article.title, words)
            article.summary_html = snippet(article.summary, words) if article.summary else ""
        groups = [
            (kind, [_shown(hit, words) for hit in hits],
             kind.more_url(query) if more and kind.more_url else "")
            for kind, hits, more in ([] if page.number > 1 else other_hits(words))
        ]  # fmt: skip
        context.update(
            page_obj=page,
            # The trimmed query, not the raw one (which may be a megabyte long).
            query_prefix=f"?{urlencode({'q': query})}&",
            groups=groups,
            folded=" ".join(words),
            found=bool(page.paginator.count or groups),
        )
        if not context["found"]:
            context["newest"] = news_selectors.newest_articles()
            context["suggestions"] = _shorter_queries(words)
    return render(request, "portal/search.html", context)


def _shown(hit, words: list[str]) -> dict:
    return {
        "hit": hit,
        "title_html": highlight(hit.title, words),
        "snippet_html": snippet(hit.text, words) if hit.text else "",
    }


def _shorter_queries(words: list[str]) -> list[str]:
    """Queries to try when nothing matched every word: fewer words, folded."""
    if len(words) < 2:
        return []
    shorter = [" ".join(words[:-1]), " ".join(words[1:])]
    return list(dict.fromkeys(shorter))
