from django import template
from django.template.loader import render_to_string

from stats.selectors import visitor_numbers

register = template.Library()


@register.filter
def vi_number(value: int | None) -> str:
    """1244377 → "1.244.377" (Vietnamese grouping); unknown → "–"."""
    if value is None:
        return "–"
    return f"{value:,}".replace(",", ".")


@register.inclusion_tag("stats/_visitor_box.html")
def visitor_box():
    """The "Thống kê truy cập" box: one cache hit, or one query every few seconds."""
    numbers = visitor_numbers()
    return {name: vi_number(value) for name, value in numbers.items()}


def render_visitor_box() -> str:
    """The box's HTML, fresh: the page cache puts it into pages it serves from storage."""
    return render_to_string("stats/_visitor_box.html", visitor_box())
