"""Writes of the questions app: a question or feedback received, an answer recorded, contact
details erased. E-mail goes out after the transaction commits and never fails the request."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from news.models import html_to_text
from unionsite.links import absolute_url

from .models import Department, Feedback, Question

logger = logging.getLogger(__name__)


def _send(subject: str, body: str, recipients: list[str]) -> bool:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return False
    try:
        send_mail(subject, body, None, recipients)
    except OSError:  # SMTP away: the record is in the admin, the e-mail is lost
        logger.warning("questions: e-mail to %d recipient(s) failed", len(recipients))
        return False
    return True


def submit_question(*, nonce: str, **fields) -> tuple[Question, bool]:
    """Store a question from the public form. ``nonce`` is the signed form's one-time value:
    a second submit of the same form returns the question the first one stored. Returns
    ``(question, created)``; writes one Question at most."""
    existing = Question.objects.filter(form_nonce=nonce).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return Question.objects.create(form_nonce=nonce, **fields), True
    except IntegrityError:
        # The same form posted twice at once: the other request stored it.
        existing = Question.objects.filter(form_nonce=nonce).first()
        if existing is None:
            raise
        return existing, False


def submit_feedback(*, nonce: str, **fields) -> tuple[Feedback, bool]:
    """Store a feedback message (one per form nonce, as ``submit_question``) and e-mail its
    department's mailbox and staff after commit."""
    existing = Feedback.objects.filter(form_nonce=nonce).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            feedback = Feedback.objects.create(form_nonce=nonce, **fields)
    except IntegrityError:
        existing = Feedback.objects.filter(form_nonce=nonce).first()
        if existing is None:
            raise
        return existing, False
    transaction.on_commit(lambda: notify_department(feedback=feedback))
    return feedback, True


def notify_department(*, feedback: Feedback) -> bool:
    """E-mail a new feedback message to its department's mailbox and members."""
    department: Department = feedback.department
    members = department.members.filter(is_active=True).values_list("email", flat=True)
    url = absolute_url(reverse("admin:questions_feedback_change", args=[feedback.pk]))
    about = f"\nGóp ý cho dự thảo: {feedback.document}\n" if feedback.document_id else ""
    body = (
        f"Có góp ý mới gửi {department.name} qua cổng thông tin.\n\n"
        f"Tiêu đề: {feedback.subject}\n{about}\n{feedback.message}\n\n"
        f"Người gửi: {feedback.name}\n"
        f"Xem và xử lý: {url}\n"
    )
    return _send(f"[Góp ý] {feedback.subject[:120]}", body, [department.email, *members])


def record_answer(*, question: Question, user, answer_changed: bool) -> None:
    """After staff save a question in the admin: a new answer moves it to "answered" (by
    ``user``, now), and publishing stamps ``published_at``. Writes the Question; e-mails the
    asker the first answer after commit when they gave an e-mail."""
    now = timezone.now()
    if question.answer and answer_changed and question.answered_at is None:
        question.answered_at = now
        question.answered_by = user
        if question.status in (Question.Status.NEW, Question.Status.ASSIGNED):
            question.status = Question.Status.ANSWERED
    if question.status == Question.Status.PUBLISHED and question.published_at is None:
        question.published_at = now
    if question.status == Question.Status.ASSIGNED and question.assigned_to is None:
        question.assigned_to = user
    question.save()
    if question.answered_at and question.answer_emailed_at is None and question.email:
        pk = question.pk
        transaction.on_commit(lambda: email_answer(question_id=pk))


def email_answer(*, question_id: int) -> bool:
    """Send the asker the answer (once); stamps ``answer_emailed_at`` when it went out."""
    question = Question.objects.filter(pk=question_id, answer_emailed_at__isnull=True).first()
    if question is None or not question.email or not question.answer:
        return False
    status_url = absolute_url(question.get_status_url())
    body = (
        f"Chào {question.asker_name},\n\n"
        f"Liên đoàn Lao động tỉnh Thanh Hóa trả lời câu hỏi mã {question.code} của bạn:\n\n"
        f"{question.question}\n\n"
        f"Trả lời:\n{html_to_text(question.answer)}\n\n"
        f"Xem lại câu hỏi và câu trả lời: {status_url}\n\n"
        f"E-mail của bạn sẽ được xóa sau {settings.QUESTIONS_CONTACT_DAYS} ngày kể từ hôm nay.\n"
    )
    if not _send(f"Trả lời câu hỏi {question.code}", body, [question.email]):
        return False
    Question.objects.filter(pk=question.pk).update(answer_emailed_at=timezone.now())
    return True


def erase_old_contacts(*, now: datetime, days: int | None = None) -> tuple[int, int]:
    """Erase e-mail and phone of questions answered (or rejected) more than ``days`` ago
    (default ``QUESTIONS_CONTACT_DAYS``) and of feedback received that long ago. Writes
    Question and Feedback; returns how many of each."""
    days = settings.QUESTIONS_CONTACT_DAYS if days is None else days
    questions = Question.objects.contacts_due_for_erasure(now=now, days=days).update(
        email="", phone="", contact_erased_at=now
    )
    feedback = (
        Feedback.objects.filter(created_at__lt=now - timedelta(days=days))
        .exclude(email="", phone="")
        .update(email="", phone="", contact_erased_at=now)
    )
    return questions, feedback
