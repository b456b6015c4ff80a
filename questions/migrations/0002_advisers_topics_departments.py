"""The "Tư vấn pháp luật" group, the usual fields of legal questions and the departments that
receive feedback (all editable later in the admin).

Advisers read, answer, publish, reject and delete questions and edit the fields; they do not see
feedback (that goes to each department's members, questions/permissions.py).
"""

from django.db import migrations

GROUP = "Tư vấn pháp luật"
ALL = ["add", "change", "delete", "view"]
PERMISSIONS = {"question": ALL, "topic": ALL, "department": ["view"]}
TOPICS = [
    "Lao động – việc làm", "Tiền lương", "Bảo hiểm xã hội", "An toàn vệ sinh lao động",
    "Công đoàn", "Khác",
]  # fmt: skip
DEPARTMENTS = ["Văn phòng", "Ban Tuyên giáo", "Ban Chính sách – Pháp luật", "Ban Tổ chức"]


def forwards(apps, schema_editor):
    from unionsite.groups import grant
    from unionsite.text import vn_slugify

    grant(apps, "questions", {GROUP: [f"{a}_{m}" for m, acts in PERMISSIONS.items() for a in acts]})
    Topic = apps.get_model("questions", "Topic")
    for order, name in enumerate(TOPICS):
        Topic.objects.get_or_create(name=name, defaults={"slug": vn_slugify(name), "order": order})
    Department = apps.get_model("questions", "Department")
    for order, name in enumerate(DEPARTMENTS):
        Department.objects.get_or_create(
            name=name, defaults={"slug": vn_slugify(name), "order": order}
        )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [("questions", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
