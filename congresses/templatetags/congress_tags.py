"""Labels for the annotated union rows (``c_status`` etc. are raw choice values)."""

from django import template

from ..models import Congress

register = template.Library()

_LABELS = {
    "status": dict(Congress.Status.choices),
    "kind": dict(Congress.Kind.choices),
    "assessment": dict(Congress.Assessment.choices),
    "reason": dict(Congress.NotRequiredReason.choices),
}


@register.filter
def status_label(value):
    return _LABELS["status"].get(value, "")


@register.filter
def kind_label(value):
    return _LABELS["kind"].get(value, "")


@register.filter
def assessment_label(value):
    return _LABELS["assessment"].get(value, "")


@register.filter
def reason_label(value):
    return _LABELS["reason"].get(value, "")


@register.simple_tag
def is_overdue(status, deadline, today):
    return status in Congress.PENDING_STATUSES and deadline is not None and deadline < today
