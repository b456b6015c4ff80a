"""Labels for the annotated union rows (``c_status`` etc. are raw choice values)."""

from django import template

from .. import selectors
from ..models import Congress

register = template.Library()

_LABELS = {
    "status": dict(Congress.Status.choices),
    "kind": dict(Congress.Kind.choices),
    "assessment": dict(Congress.Assessment.choices),
    "reason": dict(Congress.NotRequiredReason.choices),
}


@register.filter
def choice_label(value, choice_set):
    """``{{ union.c_status|choice_label:"status" }}``: the Vietnamese label of a stored value."""
    return _LABELS[choice_set].get(value, "")


@register.simple_tag
def is_overdue(status, deadline, today):
    return status in Congress.PENDING_STATUSES and deadline is not None and deadline < today


@register.inclusion_tag("congresses/_article_congresses.html")
def article_congresses(article):
    """The congresses whose record cites a news article, for the article's page."""
    return {"congresses": selectors.congresses_reported_by(article.pk)}
