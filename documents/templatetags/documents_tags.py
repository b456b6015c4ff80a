from django import template
from django.core.cache import cache
from django.template.loader import render_to_string

from news.selectors import clean_query

from .. import caching, selectors

register = template.Library()


@register.simple_tag
def latest_documents_block(limit: int = 5) -> str:
    """The home page's "Văn bản mới" block, cached per documents version (one query cold)."""

    def build():
        return render_to_string(
            "documents/_latest_documents.html",
            {"documents": selectors.latest_documents(limit)},
        )

    return cache.get_or_set(caching.key("latest", limit), build, caching.FRAGMENT_TTL)


@register.inclusion_tag("documents/_article_documents.html")
def article_documents(article):
    """The library documents an article cites, for its page."""
    return {"documents": selectors.documents_for_article(article.pk)}


@register.inclusion_tag("documents/_search_results.html")
def document_search_results(query: str, limit: int = 5):
    """The site search's "Văn bản" group: the best ``limit`` documents for ``query`` and a
    link to the library's own search for the rest (one query)."""
    _, words = clean_query(query)
    found = list(selectors.search_documents(words)[: limit + 1]) if words else []
    return {"documents": found[:limit], "more": len(found) > limit, "query": query}
