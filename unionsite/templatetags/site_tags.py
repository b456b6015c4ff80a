"""Site chrome shared by every section."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/breadcrumb.html")
def breadcrumb(*trail):
    """The one breadcrumb: ``{% breadcrumb "Đại hội công đoàn" progress_url federation.name %}``.

    Arguments alternate name, address; the last name (the page itself) has no address.
    "Trang chủ" always comes first."""
    names, urls = trail[0::2], [*trail[1::2], None]
    return {"links": [{"name": n, "url": u} for n, u in zip(names, urls, strict=False) if n]}
