"""The editorial workflow's groups, and the history of the articles that were there before it.

"Cộng tác viên" write and submit, in the categories their ``Contributor`` record grants
(checked in news/workflow.py and news/admin.py), and never publish. "Biên tập viên" keep what
migration 0002 gave them and may now edit every article and submit; they no longer publish.
"Duyệt bài" approve, return and take down, and may edit an article (its publishing time)
before deciding. "Quản trị" gets every news permission from unionsite.security.sync_admin_group.

The states of before keep their stored values: "draft" is Nháp, "published" is Đã duyệt
(readers' filter unchanged). Each existing article gets one history line saying so.
"""

from django.db import migrations

CONTRIBUTORS = "Cộng tác viên"
EDITORS = "Biên tập viên"
APPROVERS = "Duyệt bài"
GROUP_PERMISSIONS = {
    CONTRIBUTORS: {
        "article": ["add", "change", "view", "submit"],
        "category": ["view"],
        "tag": ["view"],
    },
    EDITORS: {"article": ["submit", "edit_any"]},
    APPROVERS: {
        "article": ["change", "view", "approve", "edit_any"],
        "category": ["view"],
        "tag": ["view"],
    },
}
NEW_GROUPS = (CONTRIBUTORS, APPROVERS)


def forwards(apps, schema_editor):
    from unionsite.groups import grant

    grant(
        apps,
        "news",
        {
            name: [f"{action}_{model}" for model, actions in models.items() for action in actions]
            for name, models in GROUP_PERMISSIONS.items()
        },
    )

    Article = apps.get_model("news", "Article")
    ArticleTransition = apps.get_model("news", "ArticleTransition")
    rows = Article.objects.values_list("pk", "status", "created_at")
    ArticleTransition.objects.bulk_create(
        [
            ArticleTransition(article_id=pk, action="legacy", to_status=status, at=created_at)
            for pk, status, created_at in rows
        ],
        batch_size=1000,
    )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=NEW_GROUPS).delete()
    editors = Group.objects.filter(name=EDITORS).first()
    if editors:
        editors.permissions.remove(
            *editors.permissions.filter(
                content_type__app_label="news",
                codename__in=["submit_article", "edit_any_article"],
            )
        )
    # The old two states: whatever is not live goes back to draft.
    Article = apps.get_model("news", "Article")
    Article.objects.exclude(status="published").update(status="draft")


class Migration(migrations.Migration):
    dependencies = [("news", "0004_workflow"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(forwards, backwards)]
