"""The advisers' queue in the admin: who sees what, answering (sanitised, e-mailed once),
publishing (contact never shown, name optionally), rejecting; feedback per department."""

import pytest
from django.core import mail
from django.urls import reverse

from questions.models import Department, Feedback, Question

from .conftest import ASK, FEEDBACK, feedback_data, make_question, question_data

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/questions/question/"


def change_url(question) -> str:
    return reverse("admin:questions_question_change", args=[question.pk])


def admin_post(question, **overrides) -> dict:
    """The change form as a browser posts it, unchanged unless overridden."""
    data = {
        "asker_name": question.asker_name,
        "district": question.district,
        "topic": str(question.topic_id),
        "question": question.question,
        "title": question.title,
        "status": question.status,
        "reject_reason": question.reject_reason,
        "assigned_to": str(question.assigned_to_id or ""),
        "answer": question.answer,
        "show_name": "on" if question.show_name else "",
        "slug": question.slug,
        "_save": "Lưu",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value != "" or key == "answer"}


@pytest.fixture
def asked(client):
    client.post(ASK, question_data())
    client.cookies.clear()
    return Question.objects.get()


def test_adviser_sees_the_queue_with_its_states(client, adviser, asked):
    client.force_login(adviser)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert [q.code for q in response.context["cl"].result_list] == [asked.code]
    assert client.get(CHANGELIST, {"status": "new"}).status_code == 200
    assert client.get(change_url(asked)).status_code == 200


def test_adviser_takes_answers_and_the_asker_gets_one_email(client, adviser, asked,
                                                           django_capture_on_commit_callbacks):  # fmt: skip
    client.force_login(adviser)
    client.post(CHANGELIST, {"action": "assign_to_me", "_selected_action": [asked.pk]})
    asked.refresh_from_db()
    assert (asked.status, asked.assigned_to) == (Question.Status.ASSIGNED, adviser)
    answer = (
        '<p>Theo Nghị định 74/2024/NĐ-CP…</p><script>alert(1)</script><p onclick="x()">Hết.</p>'
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(asked), admin_post(asked, answer=answer))
    assert response.status_code == 302, response.context["adminform"].form.errors
    asked.refresh_from_db()
    assert asked.status == Question.Status.ANSWERED
    assert asked.answered_by == adviser
    assert asked.answer == "<p>Theo Nghị định 74/2024/NĐ-CP…</p><p>Hết.</p>"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["congnhan@example.com"]
    assert message.subject == f"Trả lời câu hỏi {asked.code}"
    assert "Theo Nghị định 74/2024/NĐ-CP" in message.body
    assert asked.get_status_url() in message.body
    assert asked.answer_emailed_at is not None
    # Editing the answer again sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(change_url(asked), admin_post(asked, answer="<p>Sửa lại.</p>"))
    assert len(mail.outbox) == 1
    # The asker's status page shows the answer.
    client.logout()
    assert "Sửa lại." in client.get(asked.get_status_url()).text


def test_publishing_shows_the_question_without_contact_and_optionally_without_name(
    client, adviser, asked
):
    client.force_login(adviser)
    response = client.post(
        change_url(asked),
        admin_post(asked, answer="<p>Được.</p>", status="published", show_name="",
                   title="Lương thấp hơn tối thiểu vùng"),
    )  # fmt: skip
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == Question.Status.PUBLISHED and asked.published_at is not None
    client.logout()
    page = client.get(asked.get_absolute_url()).text
    assert "Lương thấp hơn tối thiểu vùng" in page
    assert "Hỏi: Bạn đọc" in page
    for private in ("Công nhân may", "congnhan@example.com"):
        assert private not in page
    assert asked.get_absolute_url() in client.get("/hoi-dap/").text


def test_publishing_without_an_answer_is_refused(client, adviser, asked):
    client.force_login(adviser)
    response = client.post(change_url(asked), admin_post(asked, status="published"))
    assert response.status_code == 200
    assert "Câu hỏi chỉ được công khai khi đã có câu trả lời." in response.text
    asked.refresh_from_db()
    assert asked.status == Question.Status.NEW


def test_publish_action_skips_unanswered_questions(client, adviser, db):
    answered = make_question(answer="<p>Có.</p>", status=Question.Status.ANSWERED)
    waiting = make_question("Một câu hỏi khác chưa được trả lời")
    client.force_login(adviser)
    client.post(CHANGELIST, {"action": "publish", "_selected_action": [answered.pk, waiting.pk]})
    answered.refresh_from_db()
    waiting.refresh_from_db()
    assert (answered.status, waiting.status) == ("published", "new")


def test_rejecting_needs_a_reason_and_hides_the_question(client, adviser, asked):
    client.force_login(adviser)
    response = client.post(change_url(asked), admin_post(asked, status="rejected"))
    assert "Chọn lý do từ chối." in response.text
    client.post(CHANGELIST, {"action": "reject_as_spam", "_selected_action": [asked.pk]})
    asked.refresh_from_db()
    assert (asked.status, asked.reject_reason) == ("rejected", "spam")
    client.logout()
    assert "Không được tiếp nhận (thư rác, quảng cáo)" in client.get(asked.get_status_url()).text


def test_search_in_the_queue_without_diacritics(client, adviser, asked):
    client.force_login(adviser)
    response = client.get(CHANGELIST, {"q": "luong toi thieu"})
    assert [q.pk for q in response.context["cl"].result_list] == [asked.pk]


def test_other_staff_groups_do_not_see_questions(client, editor, propaganda_officer, asked):
    for user in (editor, propaganda_officer):
        client.force_login(user)
        assert client.get(CHANGELIST).status_code == 403
        assert client.get(change_url(asked)).status_code == 403


def test_anonymous_is_sent_to_login(client, asked):
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# --- feedback -----------------------------------------------------------------------------


def test_feedback_goes_to_its_department_by_admin_and_email(
    client, propaganda_officer, office_officer, django_capture_on_commit_callbacks
):
    department = Department.objects.get(name="Ban Tuyên giáo")
    department.email = "tuyengiao@example.com"
    department.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FEEDBACK, feedback_data())
    assert response.status_code == 302 and response["Location"] == "/gop-y/da-gui/"
    feedback = Feedback.objects.get()
    assert feedback.phone == "0912345678"
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {"tuyengiao@example.com", propaganda_officer.email}
    assert "Đề nghị thêm bài về an toàn lao động" in mail.outbox[0].body

    url = reverse("admin:questions_feedback_change", args=[feedback.pk])
    client.force_login(propaganda_officer)
    listed = client.get("/admin/questions/feedback/").context["cl"].result_list
    assert [f.pk for f in listed] == [feedback.pk]
    assert client.get(url).status_code == 200
    client.force_login(office_officer)
    assert list(client.get("/admin/questions/feedback/").context["cl"].result_list) == []
    assert client.get(url).status_code == 302  # Django's "does not exist" redirect to the list


def test_feedback_is_not_shown_to_advisers_or_editors(client, adviser, editor, db):
    for user in (adviser, editor):
        client.force_login(user)
        assert client.get("/admin/questions/feedback/").status_code == 403


def test_a_draft_open_for_comment_is_preselected_on_the_feedback_form(client, db):
    import datetime

    from documents.models import Document, DocumentType, Issuer

    draft = Document.objects.create(
        doc_type=DocumentType.objects.get(name="Quyết định"), issuer=Issuer.objects.create(
            name="Liên đoàn Lao động tỉnh Thanh Hóa"), issued_on=datetime.date(2026, 11, 1),
        title="Dự thảo quy chế chi tiêu nội bộ", comment_until=datetime.date(2099, 1, 1),
    )  # fmt: skip
    page = client.get(draft.get_absolute_url()).text
    link = f"/gop-y/?van-ban={draft.slug}"
    assert f'href="{link}"' in page
    form = client.get(link)
    assert form.context["form"].initial["document"] == draft.pk
    assert f'<option value="{draft.pk}" selected>' in form.text
    response = client.post(FEEDBACK, feedback_data(document=str(draft.pk)))
    assert response.status_code == 302
    assert Feedback.objects.get().document == draft


def test_feedback_for_a_closed_draft_is_refused(client, db):
    import datetime

    from documents.models import Document, DocumentType, Issuer

    closed = Document.objects.create(
        doc_type=DocumentType.objects.get(name="Quyết định"), issuer=Issuer.objects.create(
            name="LĐLĐ"), issued_on=datetime.date(2020, 1, 1), title="Dự thảo cũ",
        comment_until=datetime.date(2020, 2, 1),
    )  # fmt: skip
    response = client.post(FEEDBACK, feedback_data(document=str(closed.pk)))
    assert response.status_code == 400
    assert "Vui lòng chọn trong danh sách." in response.text
    assert Feedback.objects.count() == 0
