"""A worker sends a question from a browser without JavaScript; an adviser answers and
publishes it; the worker reads the answer on the status page and everyone on /hoi-dap/."""

import re
import uuid

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from questions.models import Question

from .conftest import assert_no_page_errors

pytestmark = pytest.mark.browser


def test_question_without_javascript_answered_and_published(new_page, site_url, settings):
    settings.QUESTIONS_MIN_FILL_SECONDS = 0  # a browser test fills the form in milliseconds
    marker = uuid.uuid4().hex[:8]
    page = new_page(java_script_enabled=False)
    page.goto(f"{site_url}/hoi-dap/gui-cau-hoi/")
    page.locator("#id_asker_name").fill("Công nhân thử nghiệm")
    page.locator("#id_email").fill(f"thu-{marker}@example.com")
    page.locator("#id_topic").select_option(label="Tiền lương")
    page.locator("#id_question").fill(f"Lương làm thêm giờ ngày lễ tính thế nào? Mã {marker}")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Gửi câu hỏi").click()
    page.wait_for_url(re.compile(r".*/hoi-dap/tra-cuu/HD-[A-Z0-9-]+/\?moi=1$"))
    question = Question.objects.get(question__endswith=marker)
    assert question.code in page.locator(".qa-code").inner_text()

    adviser = User.objects.create_user(f"tuvan-{marker}", password="x", is_staff=True)
    adviser.groups.add(Group.objects.get(name="Tư vấn pháp luật"))
    staff = Client()
    staff.force_login(adviser)
    response = staff.post(
        f"/admin/questions/question/{question.pk}/change/",
        {
            "asker_name": question.asker_name, "topic": question.topic_id,
            "question": question.question, "status": "published", "show_name": "on",
            "answer": "<p>Ít nhất 300% tiền lương giờ (Điều 98 Bộ luật Lao động).</p>",
            "slug": question.slug, "_save": "Lưu",
        },
    )  # fmt: skip
    assert response.status_code == 302

    page.reload()
    assert "Ít nhất 300% tiền lương giờ" in page.locator(".qa-answer").inner_text()
    page.goto(f"{site_url}/hoi-dap/")
    page.get_by_role("link", name=re.compile(marker)).click()
    assert "Ít nhất 300% tiền lương giờ" in page.locator(".qa-answer").inner_text()
    assert f"thu-{marker}@example.com" not in page.content()
    assert_no_page_errors(page)
