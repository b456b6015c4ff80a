"""Askers' and feedback senders' e-mail and phone are erased a set time after the answer, by a
daily command the deploy kit schedules."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from questions.models import Department, Feedback, Question

from .conftest import make_question

pytestmark = pytest.mark.django_db
ROOT = Path(settings.BASE_DIR)
DAY = timezone.timedelta(days=1)


def erase(**options) -> str:
    out = io.StringIO()
    call_command("erase_question_contacts", stdout=out, **options)
    return out.getvalue()


def contact(question) -> tuple[str, str]:
    question.refresh_from_db()
    return question.email, question.phone


def test_contacts_are_erased_90_days_after_the_answer_and_not_before(db):
    now = timezone.now()
    old = make_question(answer="<p>Có.</p>", status="published", email="a@example.com",
                        phone="0912345678")  # fmt: skip
    Question.objects.filter(pk=old.pk).update(answered_at=now - 91 * DAY)
    recent = make_question(answer="<p>Có.</p>", email="b@example.com")
    Question.objects.filter(pk=recent.pk).update(answered_at=now - 89 * DAY)
    out = erase()
    assert contact(old) == ("", "")
    assert old.contact_erased_at is not None
    assert old.asker_name == "Người hỏi" and old.answer == "<p>Có.</p>"  # the rest stays
    assert contact(recent) == ("b@example.com", "")
    assert out == "Đã xóa thông tin liên hệ của 1 câu hỏi và 0 góp ý quá 90 ngày.\n"


def test_rejected_and_never_answered_questions_are_erased_too(db):
    now = timezone.now()
    spam = make_question(status="rejected", reject_reason="spam", email="s@example.com")
    Question.objects.filter(pk=spam.pk).update(updated_at=now - 91 * DAY)
    forgotten = make_question(email="f@example.com", days_ago=181)
    waiting = make_question(email="w@example.com", days_ago=100)
    erase()
    assert contact(spam) == ("", "")
    assert contact(forgotten) == ("", "")
    assert contact(waiting) == ("w@example.com", "")  # still waiting for a late answer


def test_the_setting_and_the_option_choose_the_days(db, settings):
    question = make_question(answer="<p>Có.</p>", email="a@example.com")
    Question.objects.filter(pk=question.pk).update(answered_at=timezone.now() - 31 * DAY)
    settings.QUESTIONS_CONTACT_DAYS = 60
    from questions.services import erase_old_contacts

    assert erase_old_contacts(now=timezone.now()) == (0, 0)
    settings.QUESTIONS_CONTACT_DAYS = 30
    assert erase_old_contacts(now=timezone.now()) == (1, 0)
    with pytest.raises(CommandError, match="Số ngày lưu giữ phải là số không âm"):
        erase(days=-1)


def test_feedback_contact_is_erased_after_the_same_time(db):
    feedback = Feedback.objects.create(
        department=Department.objects.get(name="Văn phòng"), name="Bình",
        email="b@example.com", phone="0912345678", subject="Góp ý", message="Nội dung góp ý",
        created_at=timezone.now() - 91 * DAY,
    )  # fmt: skip
    assert "0 câu hỏi và 1 góp ý" in erase()
    feedback.refresh_from_db()
    assert (feedback.email, feedback.phone, feedback.message) == ("", "", "Nội dung góp ý")


def test_the_deploy_kit_runs_the_command_daily():
    service = (ROOT / "deploy/systemd/unionsite-erase-contacts.service").read_text()
    timer = (ROOT / "deploy/systemd/unionsite-erase-contacts.timer").read_text()
    assert (
        "ExecStart=/srv/unionsite/app/.venv/bin/python manage.py erase_question_contacts" in service
    )
    assert "OnCalendar=*-*-* 03:30:00" in timer
    assert "unionsite-erase-contacts.timer" in (ROOT / "docs/deploy.md").read_text()
