from django import template

register = template.Library()


@register.inclusion_tag("stats/_visitor_box.html")
def visitor_box():
    """The "Thống kê truy cập" box; the stats app fills in real numbers."""
    return {"online": None, "today": None, "total": None}
