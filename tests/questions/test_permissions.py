"""The "Tư vấn pháp luật" group the migration makes, and what each staff group may open."""

import pytest
from django.contrib.auth.models import Group

from questions.models import Department, Topic

pytestmark = pytest.mark.django_db


def test_the_adviser_group_has_exactly_its_permissions(db):
    codenames = set(
        Group.objects.get(name="Tư vấn pháp luật").permissions.values_list("codename", flat=True)
    )
    assert codenames == {
        "add_question", "change_question", "delete_question", "view_question",
        "add_topic", "change_topic", "delete_topic", "view_topic", "view_department",
    }  # fmt: skip


def test_fields_and_departments_are_seeded_and_editable_lists(db):
    assert [t.name for t in Topic.objects.all()] == [
        "Lao động – việc làm", "Tiền lương", "Bảo hiểm xã hội", "An toàn vệ sinh lao động",
        "Công đoàn", "Khác",
    ]  # fmt: skip
    assert [d.name for d in Department.objects.all()] == [
        "Văn phòng",
        "Ban Tuyên giáo",
        "Ban Chính sách – Pháp luật",
        "Ban Tổ chức",
    ]


def test_adviser_edits_fields_but_not_departments(client, adviser):
    client.force_login(adviser)
    assert client.get("/admin/questions/topic/add/").status_code == 200
    assert client.get("/admin/questions/department/").status_code == 200
    assert client.get("/admin/questions/department/add/").status_code == 403


def test_a_department_member_sees_only_feedback_in_the_admin_index(client, propaganda_officer):
    client.force_login(propaganda_officer)
    index = client.get("/admin/")
    models = [m["object_name"] for app in index.context["app_list"] for m in app["models"]]
    assert models == ["Feedback"]
    assert client.get("/admin/questions/feedback/add/").status_code == 403


def test_superuser_sees_everything(client, django_user_model, db):
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))
    for path in ("question", "feedback", "topic", "department"):
        assert client.get(f"/admin/questions/{path}/").status_code == 200
