"""Site chrome shared by every section."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from ..models import PartnerLink
from ..text import vn_date_line

register = template.Library()


@register.inclusion_tag("includes/breadcrumb.html")
def breadcrumb(*trail):
    """The one breadcrumb: ``{% breadcrumb "Đại hội công đoàn" progress_url federation.name %}``.

    Arguments alternate name, address; the last name (the page itself) has no address.
    "Trang chủ" always comes first."""
    names, urls = trail[0::2], [*trail[1::2], None]
    return {"links": [{"name": n, "url": u} for n, u in zip(names, urls, strict=False) if n]}


@register.simple_tag
def date_line():
    """Today in Asia/Ho_Chi_Minh: ``<time datetime="2026-12-04">Thứ Sáu, 04/12/2026</time>``."""
    today = timezone.localdate()
    return format_html('<time datetime="{}">{}</time>', today.isoformat(), vn_date_line(today))


@register.inclusion_tag("includes/partner_links.html")
def partner_banners():
    """The home page's side column of related portals, with their banners (one query cold,
    then cached); every page's footer lists their names from news' chrome."""
    return {"links": PartnerLink.shown()}
