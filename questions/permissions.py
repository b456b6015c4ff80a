"""Who works on questions and feedback.

Advisers ("Tư vấn pháp luật", the group the migration makes) read, answer, publish and reject
questions and edit the list of fields. A department's members (``Department.members``) see and
handle the feedback sent to that department; superusers and holders of
``questions.view_all_feedback`` see all feedback.
"""

from django.contrib.auth import get_user_model

ADVISER_GROUP = "Tư vấn pháp luật"
VIEW_ALL_FEEDBACK = "questions.view_all_feedback"


def advisers():
    """Accounts a question may be assigned to."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, groups__name=ADVISER_GROUP)
        .distinct()
        .order_by("username")
    )


def staff_accounts():
    return get_user_model().objects.filter(is_active=True, is_staff=True).order_by("username")


def sees_all_feedback(user) -> bool:
    return bool(user.is_active and (user.is_superuser or user.has_perm(VIEW_ALL_FEEDBACK)))


def receives_feedback(user) -> bool:
    """Whether ``user`` is a member of any department (checked once per request object)."""
    if not (user.is_active and user.is_staff):
        return False
    cached = getattr(user, "_receives_feedback", None)
    if cached is None:
        cached = user.feedback_departments.exists()
        user._receives_feedback = cached
    return cached


def may_handle_feedback(user, feedback) -> bool:
    if sees_all_feedback(user):
        return True
    return user.feedback_departments.filter(pk=feedback.department_id).exists()
