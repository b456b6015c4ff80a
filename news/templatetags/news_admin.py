"""The admin home's editorial queue (templates/admin/index.html)."""

from django import template

from .. import workflow

register = template.Library()

QUEUE_LIMIT = 20


@register.inclusion_tag("news/admin/_queue.html", takes_context=True)
def editorial_queue(context):
    """Approvers: the articles waiting, the longest waiting first. Writers: their returned ones."""
    user = context["request"].user
    waiting, count, returned, edits = [], 0, [], []
    is_approver = workflow.may(user, workflow.Action.APPROVE)
    if is_approver:
        queue = workflow.waiting_articles()
        waiting = list(queue[:QUEUE_LIMIT])
        count = len(waiting) if len(waiting) < QUEUE_LIMIT else queue.count()
        edits = list(workflow.waiting_edits()[:QUEUE_LIMIT])
    if workflow.may(user, workflow.Action.SUBMIT):
        returned = list(workflow.returned_articles(user)[:QUEUE_LIMIT])
    return {
        "is_approver": is_approver,
        "waiting": waiting,
        "waiting_count": count,
        "returned": returned,
        "edits": edits,
    }
