from django import template
from django.core.cache import cache
from django.template.loader import render_to_string

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
