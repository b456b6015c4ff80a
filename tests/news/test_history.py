"""Revisions (django-reversion, news/history.py): every save keeps one, any two compare, one
restores as a new revision; a live article edited by a non-approver stays live until approved."""

import pytest
from reversion.models import Version

from news import history, workflow
from news.models import Article, ArticleTransition, Page, PendingEdit
from tests.factories import make_article

from .test_permissions import _article_form

S = Article.Status


def change_url(obj) -> str:
    return f"/admin/news/{obj._meta.model_name}/{obj.pk}/change/"


def revisions_url(obj) -> str:
    return f"/admin/news/{obj._meta.model_name}/{obj.pk}/phien-ban/"


def titles(obj) -> list[str]:
    return [v.field_dict["title"] for v in history.versions_of(obj)]


@pytest.fixture
def chief_client(client, approver):
    """An approver (may change live articles directly)."""
    client.force_login(approver)
    return client


def test_every_admin_save_keeps_a_revision_with_who_and_what(chief_client, approver, category):
    article = make_article("Bản đầu", categories=[category])
    assert titles(article) == ["Bản đầu"]  # a save outside the admin keeps one too
    chief_client.post(change_url(article), _article_form(title="Bản hai", categories=[category.pk]))
    chief_client.post(change_url(article), _article_form(title="Bản ba", categories=[category.pk]))
    assert titles(article) == ["Bản ba", "Bản hai", "Bản đầu"]
    newest = history.versions_of(article).first()
    assert newest.revision.user == approver
    assert newest.revision.comment.startswith("Sửa: ") and "Tiêu đề" in newest.revision.comment
    assert newest.field_dict["categories"] == [category.pk]


def test_a_workflow_step_or_a_view_count_adds_no_revision(contributor, approver, category):
    article = make_article("Bài", status=S.DRAFT, created_by=contributor, categories=[category])
    before = history.versions_of(article).count()
    workflow.submit_article(article=article, by=contributor)
    workflow.return_article(article=article, by=approver, note="Sửa lại")
    assert history.versions_of(article).count() == before


def test_page_saves_keep_revisions_and_restore(admin_client_for_pages, contact_page):
    client = admin_client_for_pages
    data = {
        "title": "Liên hệ",
        "slug": "lien-he",
        "body": "<p>Số 38 - Đại lộ Lê Lợi</p>",
        "order": 0,
        "show_in_menu": "on",
        "show_in_footer": "on",
        "language": "vi",
    }
    assert client.post(change_url(contact_page), data).status_code == 302
    assert [v.field_dict["body"] for v in history.versions_of(contact_page)] == [
        "<p>Số 38 - Đại lộ Lê Lợi</p>",
        "<p>Số 37 - Đại lộ Lê Lợi</p>",
    ]
    old = history.versions_of(contact_page).last()
    page = client.get(revisions_url(contact_page), {"restore": old.pk})
    assert "<del>38</del> <ins>37</ins>" in page.text
    client.post(revisions_url(contact_page), {"restore": old.pk})
    contact_page.refresh_from_db()
    assert contact_page.body == "<p>Số 37 - Đại lộ Lê Lợi</p>"
    assert history.versions_of(contact_page).count() == 3  # a restore is a new revision


@pytest.fixture
def admin_client_for_pages(client, editor):
    client.force_login(editor)
    return client


def test_compare_any_two_word_by_word_escaped(chief_client, category):
    article = make_article("Hội nghị tổng kết", summary="Sa-pô cũ", body="<p>Một hai ba</p>")
    for title, body in [
        ("Hội nghị sơ kết", "<p>Một <strong>hai</strong> bốn</p>"),
        ("Hội nghị <script>", "<p>Một hai ba</p>"),
    ]:
        form = _article_form(title=title, summary="Sa-pô cũ", body=body)
        chief_client.post(change_url(article), {**form, "categories": [category.pk]})
    first, second, third = reversed(history.versions_of(article))
    html = chief_client.get(revisions_url(article), {"a": first.pk, "b": second.pk}).text
    assert "Hội nghị <del>tổng</del> <ins>sơ</ins> kết" in html
    assert "Một hai <del>ba</del> <ins>bốn</ins>" in html
    assert "Không đổi" in html  # the sapo
    html = chief_client.get(revisions_url(article), {"a": second.pk, "b": third.pk}).text
    assert "<ins>&lt;script&gt;</ins>" in html and "<script>" not in html.split("<body")[1]


def test_word_diff_unit():
    assert history.word_diff("a b c", "a x c") == "a <del>b</del> <ins>x</ins> c"
    assert history.word_diff("", "<b>") == "<ins>&lt;b&gt;</ins>"


def test_approver_restores_a_live_article_directly(chief_client, client, category):
    article = make_article("Tiêu đề đúng", categories=[category])
    chief_client.post(
        change_url(article), _article_form(title="Tiêu đề sai", categories=[category.pk])
    )
    good = history.versions_of(article).last()
    response = chief_client.post(revisions_url(article), {"restore": good.pk}, follow=True)
    assert f"Đã khôi phục phiên bản #{good.pk}" in response.text
    article.refresh_from_db()
    assert (article.title, article.status) == ("Tiêu đề đúng", S.PUBLISHED)
    assert titles(article) == ["Tiêu đề đúng", "Tiêu đề sai", "Tiêu đề đúng"]
    assert history.versions_of(article).first().revision.comment == (
        f"Khôi phục phiên bản #{good.pk}"
    )


def test_restore_needs_the_change_permission(contributor_client, contributor, category):
    article = make_article("Bài", status=S.DRAFT, created_by=contributor, categories=[category])
    workflow.submit_article(article=article, by=contributor)  # no longer theirs to change
    version = history.versions_of(article).first()
    assert contributor_client.get(revisions_url(article)).status_code == 200
    assert (
        contributor_client.post(revisions_url(article), {"restore": version.pk}).status_code == 403
    )


# --- the live article stays live ---------------------------------------------------------


@pytest.fixture
def live(category):
    return make_article("Tin đang đăng", categories=[category], body="<p>Bản đang đăng.</p>")


def test_editor_editing_a_live_article_makes_a_pending_version_readers_do_not_see(
    client, editor, approver, live, category, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    form = _article_form(title="Tin đã sửa", body="<p>Bản sửa.</p>", categories=[category.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(live), form, follow=True)
    assert "Đã lưu bản sửa và gửi duyệt" in response.text
    live.refresh_from_db()
    assert (live.title, live.body) == ("Tin đang đăng", "<p>Bản đang đăng.</p>")
    reader = client.__class__().get(live.get_absolute_url())
    assert "Bản đang đăng." in reader.text and "Bản sửa." not in reader.text
    assert PendingEdit.objects.get(article=live).data["title"] == "Tin đã sửa"
    [mail] = mailoutbox
    assert (mail.to, mail.subject) == (["duyetbai@example.vn"], "Bản sửa chờ duyệt: Tin đang đăng")
    # The editor goes on from their pending version.
    form_again = client.get(change_url(live)).context["adminform"].form
    assert form_again.initial["title"] == "Tin đã sửa"
    assert "Bản sửa chờ duyệt" in client.get(change_url(live)).text


def test_approver_approves_the_pending_version_then_readers_see_it(
    client, editor, approver, live, category, mailoutbox, django_capture_on_commit_callbacks
):
    editor.email = "bientap@example.vn"
    editor.save()
    client.force_login(editor)
    client.post(change_url(live), _article_form(title="Tin đã sửa", categories=[category.pk]))
    client.force_login(approver)
    page = client.get(change_url(live)).text
    assert "Bản sửa chờ duyệt" in page and "<ins>đã sửa</ins>" in page
    assert 'value="approve_edit"' in page and 'value="return_edit"' in page
    data = _article_form(title="Tin đang đăng", categories=[category.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(change_url(live), {**data, "_transition": "approve_edit"})
    live.refresh_from_db()
    assert (live.title, live.status) == ("Tin đã sửa", S.PUBLISHED)
    assert not PendingEdit.objects.exists()
    assert titles(live)[0] == "Tin đã sửa"
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["bientap@example.vn"], "Bản sửa đã được duyệt: Tin đã sửa")
    ]
    client.logout()
    assert "Tin đã sửa" in client.get(live.get_absolute_url()).text


def test_approver_returns_the_pending_version_and_the_live_one_stays(
    client, editor, approver, live, category
):
    client.force_login(editor)
    client.post(change_url(live), _article_form(title="Tin sửa sai", categories=[category.pk]))
    client.force_login(approver)
    data = _article_form(title="Tin đang đăng", categories=[category.pk])
    response = client.post(
        change_url(live),
        {**data, "_transition": "return_edit", "_transition_note": "Sai tên."},
        follow=True,
    )
    assert "Đã trả lại bản sửa" in response.text
    live.refresh_from_db()
    assert live.title == "Tin đang đăng"
    assert not PendingEdit.objects.exists()
    assert list(ArticleTransition.objects.filter(article=live).values_list("action", "note")) == [
        ("return_edit", "Sai tên."),
        ("propose", ""),
    ]


def test_second_approver_on_a_pending_version_already_decided_is_told(
    client, editor, approver, live, category
):
    client.force_login(editor)
    client.post(change_url(live), _article_form(title="Tin đã sửa", categories=[category.pk]))
    workflow.approve_edit(article=live, by=approver)
    client.force_login(approver)
    data = _article_form(title="Tin đã sửa", categories=[category.pk])
    response = client.post(
        change_url(live), {**data, "_transition": "return_edit", "_transition_note": "x"},
        follow=True,
    )  # fmt: skip
    assert "vừa được người khác xử lý" in response.text


def test_editor_restoring_a_live_article_makes_a_pending_version(
    client, editor, approver, live, category
):
    client.force_login(approver)
    client.post(change_url(live), _article_form(title="Tin sửa nhầm", categories=[category.pk]))
    first = history.versions_of(live).last()
    client.force_login(editor)
    response = client.post(revisions_url(live), {"restore": first.pk}, follow=True)
    assert "bản sửa chờ duyệt" in response.text
    live.refresh_from_db()
    assert live.title == "Tin sửa nhầm"  # live until approved
    workflow.approve_edit(article=live, by=approver)
    live.refresh_from_db()
    assert live.title == "Tin đang đăng"


def test_editor_cannot_change_the_cover_of_a_live_article(client, editor, live):
    client.force_login(editor)
    form = client.get(change_url(live)).context["adminform"].form
    assert "cover" not in form.fields


def test_drafts_are_edited_directly_by_editors(client, editor, category):
    draft = make_article("Bản nháp", status=S.DRAFT, categories=[category])
    client.force_login(editor)
    client.post(change_url(draft), _article_form(title="Bản nháp đã sửa", categories=[category.pk]))
    draft.refresh_from_db()
    assert draft.title == "Bản nháp đã sửa"
    assert not PendingEdit.objects.exists()


def test_versions_store_content_not_counters_or_state(live):
    [version] = Version.objects.get_for_object(live)
    assert set(version.field_dict) == set(history.ARTICLE_FIELDS)
    assert isinstance(Page._meta.get_field("body"), type(Article._meta.get_field("body")))
