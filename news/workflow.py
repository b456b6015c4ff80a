"""The editorial workflow: who may move an article from which state to which, and the e-mails.

    Nháp ──gửi duyệt──▶ Chờ duyệt ──duyệt đăng──▶ Đã duyệt ──gỡ xuống──▶ Gỡ xuống
      ▲                   │  ▲                       (đăng ngay, hoặc hẹn giờ ở publish_at)
      │             trả lại  gửi duyệt lại
      │                   ▼  │
      └──────────────── Trả lại

An article's status changes only here, through the four named transitions below; each one
locks the row, checks the acting account's role and scope and the state the person saw,
writes the status and one ``ArticleTransition`` (who, when, note), and e-mails the people
who act next once the transaction commits.

Roles are permissions held through the groups of migration news/0005:
``news.submit_article`` (Cộng tác viên, Biên tập viên), ``news.approve_article`` (Duyệt bài),
``news.edit_any_article`` (Biên tập viên, Duyệt bài). An account without the last one is a
contributor: it sees and edits only its own articles, in the categories of its ``Contributor``
record, and only while they are drafts or returned.
"""

import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from unionsite.links import absolute_url

from . import history
from .models import Article, ArticleTransition, Category, PendingEdit

logger = logging.getLogger(__name__)

Status = Article.Status
Action = ArticleTransition.Action

SUBMIT_PERMISSION = "news.submit_article"
APPROVE_PERMISSION = "news.approve_article"
EDIT_ANY_PERMISSION = "news.edit_any_article"
# The states in which a contributor may still change their own article.
CONTRIBUTOR_EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset
    target: str
    permission: str
    label: str  # the button

    @property
    def action_label(self) -> str:
        return Action(self.action).label.lower()


TRANSITIONS = {
    Action.SUBMIT: Transition(
        Action.SUBMIT,
        frozenset({Status.DRAFT, Status.RETURNED, Status.WITHDRAWN}),
        Status.SUBMITTED,
        SUBMIT_PERMISSION,
        "Lưu và gửi duyệt",
    ),
    Action.RETURN: Transition(
        Action.RETURN,
        frozenset({Status.SUBMITTED}),
        Status.RETURNED,
        APPROVE_PERMISSION,
        "Lưu và trả lại",
    ),
    # An approver may also publish their own draft, or put a withdrawn article back.
    Action.APPROVE: Transition(
        Action.APPROVE,
        frozenset({Status.SUBMITTED, Status.DRAFT, Status.RETURNED, Status.WITHDRAWN}),
        Status.PUBLISHED,
        APPROVE_PERMISSION,
        "Lưu và duyệt đăng",
    ),
    Action.UNPUBLISH: Transition(
        Action.UNPUBLISH,
        frozenset({Status.PUBLISHED}),
        Status.WITHDRAWN,
        APPROVE_PERMISSION,
        "Gỡ xuống",
    ),
    # The pending version of a live article (``PendingEdit``): the status stays Đã duyệt.
    Action.APPROVE_EDIT: Transition(
        Action.APPROVE_EDIT,
        frozenset({Status.PUBLISHED}),
        Status.PUBLISHED,
        APPROVE_PERMISSION,
        "Lưu và duyệt bản sửa",
    ),
    Action.RETURN_EDIT: Transition(
        Action.RETURN_EDIT,
        frozenset({Status.PUBLISHED}),
        Status.PUBLISHED,
        APPROVE_PERMISSION,
        "Trả lại bản sửa",
    ),
}
EDIT_ACTIONS = frozenset({Action.APPROVE_EDIT, Action.RETURN_EDIT})


class WorkflowError(Exception):
    """A transition that was refused; the message says why, in words for the person."""


# --- Scope -----------------------------------------------------------------------------------


def edits_any_article(user) -> bool:
    return user.has_perm(EDIT_ANY_PERMISSION)


def writes_own_articles_only(user) -> bool:
    """A contributor: writes articles but may not edit everyone's. (Accounts that only reach
    articles through another app's picker, like the congress form's, are not narrowed.)"""
    return not edits_any_article(user) and user.has_perm("news.add_article")


def contributor_categories(user) -> QuerySet:
    """The categories a contributor may write in (none without a ``Contributor`` record)."""
    return Category.objects.filter(contributors__user=user)


def may_see_article(user, article: Article) -> bool:
    return edits_any_article(user) or (article.pk is None or article.created_by_id == user.pk)


def may_edit_article(user, article: Article) -> bool:
    """Editors and approvers edit anything; a contributor their own drafts and returned ones."""
    if edits_any_article(user):
        return True
    return article.pk is None or (
        article.created_by_id == user.pk and article.status in CONTRIBUTOR_EDITABLE
    )


def may(user, action: str) -> bool:
    """Whether the account's role allows ``action`` at all (before state and scope)."""
    transition = TRANSITIONS.get(action)
    return transition is not None and user.has_perm(transition.permission)


def available_actions(user, article: Article) -> list[Transition]:
    """The transitions this account may start on this article as it is now (the buttons)."""
    found = []
    pending = has_pending_edit(article)
    for transition in TRANSITIONS.values():
        if article.status in transition.sources and may(user, transition.action):
            if transition.action == Action.SUBMIT and not may_edit_article(user, article):
                continue
            if transition.action in EDIT_ACTIONS and not pending:
                continue
            found.append(transition)
    return found


def _check_scope(user, article: Article, transition: Transition) -> None:
    if transition.action != Action.SUBMIT or edits_any_article(user):
        return
    if article.created_by_id != user.pk:
        raise WorkflowError("Cộng tác viên chỉ gửi duyệt được bài của chính mình.")
    chosen = set(article.categories.values_list("pk", flat=True))
    granted = set(contributor_categories(user).values_list("pk", flat=True))
    if not chosen:
        raise WorkflowError("Hãy chọn chuyên mục cho bài trước khi gửi duyệt.")
    if not chosen <= granted:
        raise WorkflowError("Bài có chuyên mục bạn không được giao viết; hãy bỏ chuyên mục đó.")


# --- Transitions -----------------------------------------------------------------------------


def submit_article(*, article: Article, by, note: str = "", seen: str | None = None):
    """Nháp / Trả lại / Gỡ xuống → Chờ duyệt. E-mails the approvers."""
    return _move(article=article, by=by, action=Action.SUBMIT, note=note, seen=seen)


def return_article(*, article: Article, by, note: str, seen: str | None = None):
    """Chờ duyệt → Trả lại, with the reviewer's note (required). E-mails the author."""
    if not note.strip():
        raise WorkflowError("Hãy ghi lý do trả lại để người viết biết cần sửa gì.")
    return _move(article=article, by=by, action=Action.RETURN, note=note, seen=seen)


def approve_article(*, article: Article, by, note: str = "", seen: str | None = None):
    """→ Đã duyệt. Readers see it at ``publish_at``: a future time schedules it; a first
    approval with ``publish_at`` already past publishes it now (the article is dated the
    moment it went out, not the day its draft was begun). E-mails the author."""
    return _move(article=article, by=by, action=Action.APPROVE, note=note, seen=seen)


def unpublish_article(*, article: Article, by, note: str = "", seen: str | None = None):
    """Đã duyệt → Gỡ xuống: readers get 404 again; the article stays in the admin."""
    return _move(article=article, by=by, action=Action.UNPUBLISH, note=note, seen=seen)


# --- The pending version of a live article ---------------------------------------------------

# What a pending version holds: the content (not the cover photo, which a non-approver
# cannot change on a live article, nor the address).
PENDING_FIELDS = (
    "title", "summary", "body", "cover_caption", "cover_alt", "byline", "source",
    "publish_at", "featured", "categories", "tags",
)  # fmt: skip


def edit_waits_for_approval(user, article: Article) -> bool:
    """Whether ``user`` saving ``article`` makes a pending version instead of a live change:
    the article is Đã duyệt (live or scheduled) and they may not approve."""
    return (
        article.pk is not None
        and article.status == Status.PUBLISHED
        and not may(user, Action.APPROVE)
    )


def has_pending_edit(article: Article) -> bool:
    return article.pk is not None and PendingEdit.objects.filter(article=article).exists()


def encode_content(values: dict) -> dict:
    """Content fields (form data or ``Version.field_dict``) as JSON: ids for categories and
    tags, ISO text for the time."""
    data = {}
    for name in PENDING_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if name in {"categories", "tags"}:
            value = sorted(getattr(v, "pk", v) for v in value or [])
        elif name == "publish_at" and value is not None:
            value = value.isoformat()
        data[name] = value
    return data


def decode_content(data: dict) -> dict:
    decoded = dict(data)
    if decoded.get("publish_at"):
        decoded["publish_at"] = parse_datetime(decoded["publish_at"])
    return decoded


def pending_content(article: Article) -> dict | None:
    pending = PendingEdit.objects.filter(article=article).first()
    return decode_content(pending.data) if pending else None


def propose_edit(*, article: Article, values: dict, by) -> PendingEdit:
    """Keep ``values`` as the pending version of a live article (replacing an earlier pending
    one); readers keep the live version. Records "Gửi bản sửa" and e-mails the approvers."""
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if current.status != Status.PUBLISHED:
            raise WorkflowError("Bài không còn ở trạng thái “Đã duyệt”; hãy mở lại bài.")
        now = timezone.now()
        pending, _ = PendingEdit.objects.update_or_create(
            article=current, defaults={"data": encode_content(values), "by": by, "at": now}
        )
        step = ArticleTransition.objects.create(
            article=current, action=Action.PROPOSE, from_status=current.status,
            to_status=current.status, by=by, at=now,
        )  # fmt: skip
        transaction.on_commit(lambda: _notify(step))
    return pending


def approve_edit(*, article: Article, by, note: str = "", seen: str | None = None):
    """Write the pending version onto the live article (one new revision) and drop it.
    E-mails whoever wrote it."""
    return _decide_edit(article=article, by=by, action=Action.APPROVE_EDIT, note=note)


def return_edit(*, article: Article, by, note: str, seen: str | None = None):
    """Drop the pending version, with a note (required) to whoever wrote it."""
    if not note.strip():
        raise WorkflowError("Hãy ghi lý do trả lại bản sửa để người sửa biết cần làm gì.")
    return _decide_edit(article=article, by=by, action=Action.RETURN_EDIT, note=note)


def _decide_edit(*, article: Article, by, action: str, note: str) -> ArticleTransition:
    if not may(by, action):
        raise WorkflowError("Tài khoản của bạn không được duyệt bản sửa.")
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        pending = PendingEdit.objects.filter(article=current).select_related("by").first()
        if pending is None:
            raise WorkflowError(
                "Bản sửa này vừa được người khác xử lý; thao tác của bạn chưa được thực hiện."
            )
        if action == Action.APPROVE_EDIT:
            history.save_content(
                current,
                decode_content(pending.data),
                by=by,
                comment=f"Duyệt bản sửa của {_name(pending.by)}",
            )
            for name in PENDING_FIELDS:
                if name not in {"categories", "tags"}:
                    setattr(article, name, getattr(current, name))
        author = pending.by
        pending.delete()
        step = ArticleTransition.objects.create(
            article=current, action=action, from_status=current.status,
            to_status=current.status, by=by, note=note.strip(),
        )  # fmt: skip
        transaction.on_commit(lambda: _notify(step, author=author))
    return step


def restore_article_version(*, article: Article, version, by) -> str:
    """Bring back the content of a stored version: on the live article for those who may
    publish it (a new revision), as a pending version for the others. Returns "restored" or
    "pending"."""
    data = version.field_dict
    if edit_waits_for_approval(by, article):
        propose_edit(article=article, values=data, by=by)
        return "pending"
    history.save_content(article, data, by=by, comment=f"Khôi phục phiên bản #{version.pk}")
    return "restored"


MOVES = {
    Action.SUBMIT: submit_article,
    Action.RETURN: return_article,
    Action.APPROVE: approve_article,
    Action.UNPUBLISH: unpublish_article,
    Action.APPROVE_EDIT: approve_edit,
    Action.RETURN_EDIT: return_edit,
}


def apply_action(*, action: str, article: Article, by, note: str = "", seen: str | None = None):
    """The transition named ``action`` (the admin's buttons and actions come through here)."""
    if action not in MOVES:
        raise WorkflowError("Thao tác không có trong quy trình duyệt bài.")
    return MOVES[action](article=article, by=by, note=note, seen=seen)


def _move(*, article: Article, by, action: str, note: str, seen: str | None) -> ArticleTransition:
    transition = TRANSITIONS[action]
    if not by.has_perm(transition.permission):
        raise WorkflowError(f"Tài khoản của bạn không được {transition.action_label}.")
    with transaction.atomic():
        # The row lock makes two approvers acting at once take turns; the second then sees
        # the state the first left and is told, instead of deciding over them.
        current = Article.objects.select_for_update().get(pk=article.pk)
        if seen is not None and seen != current.status:
            raise WorkflowError(
                f"Bài vừa được người khác chuyển sang “{current.get_status_display()}”; "
                "thao tác của bạn chưa được thực hiện. Hãy xem lại bài."
            )
        if current.status not in transition.sources:
            raise WorkflowError(
                f"Không thể {transition.action_label} bài đang ở trạng thái "
                f"“{current.get_status_display()}”."
            )
        _check_scope(by, current, transition)
        now = timezone.now()
        fields = ["status", "updated_at"]
        if action == Action.SUBMIT:
            current.submitted_at = now
            fields.append("submitted_at")
        if action == Action.APPROVE and current.publish_at <= now and not _was_published(current):
            current.publish_at = now
            fields.append("publish_at")
        step = ArticleTransition.objects.create(
            article=current,
            action=action,
            from_status=current.status,
            to_status=transition.target,
            by=by,
            at=now,
            note=note.strip(),
        )
        current.status = transition.target
        # save(), not update(): the signals refresh the reader caches.
        current.save(update_fields=fields)
        for name in fields:
            setattr(article, name, getattr(current, name))
        transaction.on_commit(lambda: _notify(step))
    return step


def _was_published(article: Article) -> bool:
    return article.transitions.filter(
        Q(action=Action.APPROVE) | Q(action=Action.LEGACY, to_status=Status.PUBLISHED)
    ).exists()


# --- Queue and e-mail ------------------------------------------------------------------------


def waiting_edits() -> QuerySet:
    """Pending versions of live articles, the longest waiting first."""
    return PendingEdit.objects.select_related("article", "by").order_by("at", "pk")


def waiting_articles() -> QuerySet:
    """The approvers' queue: articles waiting, the longest waiting first."""
    return (
        Article.objects.filter(status=Status.SUBMITTED)
        .select_related("created_by")
        .only("id", "title", "submitted_at", "created_by__username", "created_by__first_name",
              "created_by__last_name")
        .order_by("submitted_at", "id")
    )  # fmt: skip


def returned_articles(user) -> QuerySet:
    """A writer's articles sent back to them, the latest first."""
    return (
        Article.objects.filter(status=Status.RETURNED, created_by=user)
        .only("id", "title", "updated_at")
        .order_by("-updated_at")
    )


def approver_addresses() -> list[str]:
    """The e-mail of every active account holding the approve permission (group or own)."""
    permission = Permission.objects.filter(
        content_type__app_label="news", codename="approve_article"
    ).first()
    if permission is None:
        return []
    users = (
        get_user_model()
        .objects.filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .filter(is_active=True)
        .exclude(email="")
        .distinct()
    )
    return sorted({user.email for user in users})


def _name(user) -> str:
    if user is None:
        return "(tài khoản đã xóa)"
    return user.get_full_name() or user.get_username()


def _notify(step: ArticleTransition, author=None) -> None:
    article = step.article
    link = absolute_url(reverse("admin:news_article_change", args=[article.pk]))
    if step.action == Action.SUBMIT:
        recipients = approver_addresses()
        subject = f"Bài chờ duyệt: {article.title}"
        lines = [f"{_name(step.by)} vừa gửi bài “{article.title}” chờ duyệt."]
    elif step.action == Action.PROPOSE:
        recipients = approver_addresses()
        subject = f"Bản sửa chờ duyệt: {article.title}"
        lines = [
            f"{_name(step.by)} vừa sửa bài đang đăng “{article.title}”; "
            "bản sửa chờ duyệt, bạn đọc vẫn thấy bản cũ."
        ]
    elif step.action in EDIT_ACTIONS:
        recipients = [author.email] if author and author.email and author != step.by else []
        if step.action == Action.APPROVE_EDIT:
            subject = f"Bản sửa đã được duyệt: {article.title}"
            lines = [f"{_name(step.by)} đã duyệt bản sửa của bạn cho bài “{article.title}”."]
        else:
            subject = f"Bản sửa bị trả lại: {article.title}"
            lines = [f"{_name(step.by)} trả lại bản sửa của bạn cho bài “{article.title}”."]
    elif step.action in {Action.RETURN, Action.APPROVE}:
        author = article.created_by
        recipients = [author.email] if author and author.email and author != step.by else []
        if step.action == Action.RETURN:
            subject = f"Bài bị trả lại: {article.title}"
            lines = [f"{_name(step.by)} trả lại bài “{article.title}” để sửa."]
        else:
            subject = f"Bài đã được duyệt: {article.title}"
            at = timezone.localtime(article.publish_at)
            when = "đã lên trang" if article.publish_at <= step.at else "sẽ lên trang"
            lines = [
                f"{_name(step.by)} đã duyệt bài “{article.title}”; "
                f"bài {when} lúc {at:%H:%M} ngày {at:%d/%m/%Y}."
            ]
    else:
        return
    if not recipients:
        return
    if step.note:
        lines += ["", f"Ghi chú: {step.note}"]
    lines += ["", f"Mở bài: {link}"]
    try:
        for address in recipients:
            # One message each: approvers do not see one another's addresses.
            send_mail(subject, "\n".join(lines), None, [address])
    except OSError:
        # A mail server outage must not undo an editorial decision already committed.
        logger.exception("Không gửi được thư báo quy trình duyệt bài %s", article.pk)
