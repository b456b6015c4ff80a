from django.contrib.auth.models import Group
from django.utils import timezone

from news.models import Article

ADD_URL = "/admin/news/article/add/"


def test_editor_group_has_exactly_the_news_permissions(db):
    # Uses the data migration's group; no fixture creates it.
    group = Group.objects.get(name="Biên tập viên")
    news = group.permissions.filter(content_type__app_label="news")
    assert sorted(news.values_list("content_type__app_label", "codename")) == [
        ("news", "add_article"),
        ("news", "add_category"),
        ("news", "add_page"),
        ("news", "add_tag"),
        ("news", "change_article"),
        ("news", "change_category"),
        ("news", "change_page"),
        ("news", "change_tag"),
        ("news", "delete_article"),
        ("news", "delete_tag"),
        ("news", "edit_any_article"),
        ("news", "submit_article"),
        ("news", "view_article"),
        ("news", "view_category"),
        ("news", "view_page"),
        ("news", "view_tag"),
    ]


def _article_form(**overrides):
    now = timezone.localtime()
    data = {
        "title": "Đại hội điểm công đoàn cơ sở",
        "slug": "",
        "summary": "Sa-pô.",
        "body": "<p>Nội dung <script>alert(1)</script></p>",
        "cover_caption": "",
        "cover_alt": "",
        "publish_at_0": now.strftime("%Y-%m-%d"),
        "publish_at_1": now.strftime("%H:%M:%S"),
        "byline": "Doãn Giang",
        "source": "",
    }
    data.update(overrides)
    return data


def test_editor_submits_an_approver_publishes_and_readers_then_see(
    client, editor, approver, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    response = client.post(ADD_URL, _article_form(_transition="submit"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert (article.slug, article.status, article.created_by) == (
        "dai-hoi-diem-cong-doan-co-so",
        "submitted",
        editor,
    )
    assert article.body == "<p>Nội dung </p>"
    client.logout()
    assert client.get("/tin-tuc/dai-hoi-diem-cong-doan-co-so/").status_code == 404
    client.force_login(approver)
    change = f"/admin/news/article/{article.pk}/change/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            change, _article_form(_transition="approve", _transition_seen="submitted")
        )
    assert response.status_code == 302
    client.logout()
    page = client.get("/tin-tuc/dai-hoi-diem-cong-doan-co-so/")
    assert page.status_code == 200
    assert "Đại hội điểm công đoàn cơ sở" in page.text


def test_district_officer_cannot_add_or_change_articles(client, district_officer):
    article = Article.objects.create(title="Bài có sẵn", status="published")
    client.force_login(district_officer)
    assert client.get(ADD_URL).status_code == 403
    assert client.post(ADD_URL, _article_form()).status_code == 403
    assert client.get(f"/admin/news/article/{article.pk}/change/").status_code == 403
    assert Article.objects.count() == 1
    assert not district_officer.has_perm("news.add_article")
    assert not district_officer.has_perm("news.change_article")


def test_editor_cannot_delete_categories_or_pages(editor):
    assert editor.has_perm("news.change_category")
    assert not editor.has_perm("news.delete_category")
    assert not editor.has_perm("news.delete_page")
