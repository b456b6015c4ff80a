"""Fields and departments (from the migration), staff of each kind, and helpers that post the
public forms the way a browser does: with the token the form page handed out."""

import re
import time

import pytest
from django.utils import timezone

from questions import guard
from questions.models import Department, Question, Topic
from questions.permissions import ADVISER_GROUP
from tests.factories import staff_in

ASK = "/hoi-dap/gui-cau-hoi/"
FEEDBACK = "/gop-y/"


def topic(name: str) -> Topic:
    return Topic.objects.get(name=name)


def old_token(seconds: float = 60) -> str:
    """A form token issued ``seconds`` ago (a person who took that long to fill the form)."""
    return guard.make_token(now=time.time() - seconds)


def token_from(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.text).group(1)


def question_data(**overrides) -> dict:
    data = {
        "asker_name": "Công nhân may",
        "email": "congnhan@example.com",
        "phone": "",
        "district": "Huyện Thọ Xuân",
        "topic": str(topic("Tiền lương").pk),
        "question": "Công ty trả lương thấp hơn lương tối thiểu vùng có đúng không ạ?",
        "consent": "on",
        "website": "",
        "token": old_token(),
    }
    data.update(overrides)
    return data


def feedback_data(**overrides) -> dict:
    data = {
        "name": "Nguyễn Văn Bình",
        "email": "",
        "phone": "0912 345 678",
        "department": str(Department.objects.get(name="Ban Tuyên giáo").pk),
        "document": "",
        "subject": "Đề nghị thêm bài về an toàn lao động",
        "message": "Đề nghị chuyên mục đăng thêm bài hướng dẫn an toàn lao động mùa nắng nóng.",
        "consent": "on",
        "website": "",
        "token": old_token(),
    }
    data.update(overrides)
    return data


def make_question(text="Câu hỏi mẫu về tiền lương làm thêm giờ ngày lễ", *, topic_name="Tiền lương",
                  answer="", status=Question.Status.NEW, days_ago=0, **fields) -> Question:  # fmt: skip
    moment = timezone.now() - timezone.timedelta(days=days_ago)
    published = status == Question.Status.PUBLISHED
    return Question.objects.create(
        topic=topic(topic_name), asker_name=fields.pop("asker_name", "Người hỏi"),
        question=text, answer=answer, status=status, created_at=moment,
        answered_at=moment if answer else None, published_at=moment if published else None,
        **fields,
    )  # fmt: skip


def staff(django_user_model, username, *groups, **fields):
    return staff_in(username, *groups, **fields)


@pytest.fixture
def adviser(django_user_model, db):
    return staff(django_user_model, "tuvan", ADVISER_GROUP)


@pytest.fixture
def editor(django_user_model, db):
    return staff(django_user_model, "bientap", "Biên tập viên")


@pytest.fixture
def propaganda_officer(django_user_model, db):
    """A member of Ban Tuyên giáo only."""
    user = staff(django_user_model, "tuyengiao")
    Department.objects.get(name="Ban Tuyên giáo").members.add(user)
    return user


@pytest.fixture
def office_officer(django_user_model, db):
    user = staff(django_user_model, "vanphong")
    Department.objects.get(name="Văn phòng").members.add(user)
    return user
