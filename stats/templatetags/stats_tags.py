from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from stats.selectors import visitor_numbers
from unionsite.text import vn_number

register = template.Library()
register.filter("vn_number", vn_number)

# The box's edges in every page: the page cache (portal/pagecache.py) cuts out what lies
# between them and renders it afresh on each hit.
BOX_START = "<!--visitor-box-->"
BOX_END = "<!--/visitor-box-->"


def render_visitor_box() -> str:
    """The "Thống kê truy cập" box: one cache hit, or one query every few seconds."""
    numbers = visitor_numbers()
    return render_to_string(
        "stats/_visitor_box.html", {name: vn_number(value) for name, value in numbers.items()}
    )


@register.simple_tag
def visitor_box():
    """The box between its markers, for ``base.html``."""
    return mark_safe(BOX_START + render_visitor_box() + BOX_END)  # noqa: S308 - our template
