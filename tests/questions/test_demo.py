"""seed_demo: ten published questions on real topics and one waiting, safe to run again, and
on a database whose lists were emptied after migrating (a flushed test database)."""

import io

import pytest
from django.core.management import call_command

from questions.models import Department, Feedback, Question, Topic

pytestmark = pytest.mark.django_db


def seed() -> None:
    call_command("seed_demo", stdout=io.StringIO())


def test_demo_has_ten_published_questions_and_one_waiting(db):
    seed()
    assert Question.objects.published().count() == 10
    assert list(Question.objects.exclude(status="published").values_list("status", flat=True)) == [
        "new"
    ]
    titles = " ".join(Question.objects.values_list("title", flat=True)).lower()
    for topic in ("lương tối thiểu vùng", "bảo hiểm", "thai sản", "làm thêm giờ", "đoàn phí"):
        assert topic in titles
    seed()
    assert Question.objects.count() == 11 and Feedback.objects.count() == 1


def test_demo_fills_emptied_lists_again(db):
    Topic.objects.all().delete()
    Department.objects.all().delete()
    seed()
    assert Topic.objects.count() == 6 and Department.objects.count() == 4
    assert Question.objects.published().count() == 10
