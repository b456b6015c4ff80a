import json
import time

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from unionsite.renditions import rendition
from unionsite.text import vn_number

from .. import caching, selectors

register = template.Library()

MOST_READ_BUCKET = 300  # seconds: view counts change without a save, so refresh on a timer


@register.simple_tag(takes_context=True)
def news_chrome(context):
    """Categories and pages for menu, footer and site map (cached)."""
    return selectors.chrome(context.get("request"))


@register.simple_tag
def cover(article, alias="card"):
    """``{"url", "width", "height"}`` of the article's cover in a rendition, or None."""
    return rendition(article.cover, alias, article.cover_width, article.cover_height)


@register.simple_tag
def most_read(limit=5):
    """The "Đọc nhiều" box, rendered once per generation and five minutes."""
    key = caching.key("most-read", limit, int(time.time()) // MOST_READ_BUCKET)
    html = cache.get_or_set(
        key,
        lambda: render_to_string("news/_most_read.html", {"articles": selectors.most_read(limit)}),
        MOST_READ_BUCKET,
    )
    return mark_safe(html)  # noqa: S308 - our own template's output


@register.filter
def ld_json(data):
    """JSON for <script type="application/ld+json">, with <, > and & escaped so no value
    can close the script element."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above


register.filter("vn_number", vn_number)
