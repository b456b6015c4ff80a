"""The editorial workflow (news/workflow.py): every transition, and every refusal, by role."""

import threading
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from news import workflow
from news.models import Article, ArticleTransition
from tests.factories import make_article

from .conftest import staff
from .test_permissions import _article_form

S = Article.Status
LIST_URL = "/admin/news/article/"
ADD_URL = "/admin/news/article/add/"


def change_url(article) -> str:
    return f"/admin/news/article/{article.pk}/change/"


def steps(article) -> list[tuple]:
    return [
        (t.action, t.from_status, t.to_status, t.by.username if t.by else None, t.note)
        for t in ArticleTransition.objects.filter(article=article).order_by("at", "id")
    ]


@pytest.fixture
def draft(contributor, category):
    article = make_article("Bài của cộng tác viên", status=S.DRAFT, created_by=contributor)
    article.categories.set([category])
    return article


# --- the transitions -----------------------------------------------------------------------


def test_the_whole_way_submit_return_resubmit_schedule_then_unpublish(
    draft, contributor, approver, client
):
    workflow.submit_article(article=draft, by=contributor)
    assert (draft.status, draft.submitted_at is not None) == (S.SUBMITTED, True)
    workflow.return_article(article=draft, by=approver, note="Thiếu ảnh và nguồn tin.")
    assert draft.status == S.RETURNED
    workflow.submit_article(article=draft, by=contributor, note="Đã bổ sung nguồn.")
    tomorrow = timezone.now() + timedelta(days=1)
    Article.objects.filter(pk=draft.pk).update(publish_at=tomorrow)
    draft.refresh_from_db()
    workflow.approve_article(article=draft, by=approver)
    assert (draft.status, draft.publish_at, draft.is_visible) == (S.PUBLISHED, tomorrow, False)
    assert client.get(draft.get_absolute_url()).status_code == 404  # scheduled
    Article.objects.filter(pk=draft.pk).update(publish_at=timezone.now() - timedelta(minutes=1))
    assert client.get(draft.get_absolute_url()).status_code == 200  # the time has come
    workflow.unpublish_article(article=draft, by=approver, note="Sai số liệu.")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert steps(draft) == [
        ("submit", "draft", "submitted", "congtacvien", ""),
        ("return", "submitted", "returned", "duyetbai", "Thiếu ảnh và nguồn tin."),
        ("submit", "returned", "submitted", "congtacvien", "Đã bổ sung nguồn."),
        ("approve", "submitted", "published", "duyetbai", ""),
        ("unpublish", "published", "withdrawn", "duyetbai", "Sai số liệu."),
    ]


def test_first_approval_of_an_old_draft_publishes_it_now(draft, contributor, approver):
    old = timezone.now() - timedelta(days=5)
    Article.objects.filter(pk=draft.pk).update(publish_at=old)
    draft.refresh_from_db()
    workflow.submit_article(article=draft, by=contributor)
    before = timezone.now()
    workflow.approve_article(article=draft, by=approver)
    assert draft.publish_at >= before
    # Taken down and put back: it keeps the date it first went out.
    first = draft.publish_at
    workflow.unpublish_article(article=draft, by=approver)
    workflow.approve_article(article=draft, by=approver)
    draft.refresh_from_db()
    assert draft.publish_at == first


def test_return_needs_a_note(draft, contributor, approver):
    workflow.submit_article(article=draft, by=contributor)
    with pytest.raises(workflow.WorkflowError, match="lý do trả lại"):
        workflow.return_article(article=draft, by=approver, note="  ")
    draft.refresh_from_db()
    assert draft.status == S.SUBMITTED


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (S.SUBMITTED, "submit"),
        (S.PUBLISHED, "submit"),
        (S.DRAFT, "return"),
        (S.PUBLISHED, "return"),
        (S.WITHDRAWN, "return"),
        (S.PUBLISHED, "approve"),
        (S.DRAFT, "unpublish"),
        (S.SUBMITTED, "unpublish"),
    ],
)
def test_transitions_from_a_wrong_state_are_refused(status, action, editor, approver):
    article = make_article("Bài", status=status)
    by = editor if action == "submit" else approver
    with pytest.raises(workflow.WorkflowError, match="Không thể"):
        workflow.apply_action(action=action, article=article, by=by, note="Ghi chú")
    article.refresh_from_db()
    assert article.status == status
    assert steps(article) == []


# --- roles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("group", "allowed"),
    [
        ("Cộng tác viên", {"submit"}),
        ("Biên tập viên", {"submit"}),
        ("Duyệt bài", {"return", "approve", "unpublish", "approve_edit", "return_edit"}),
        ("Cán bộ LĐLĐ huyện", set()),
    ],
)
def test_each_group_may_take_only_its_steps(db, group, allowed):
    Group.objects.get_or_create(name=group)
    user = staff("nguoi", group)
    assert {a for a in workflow.TRANSITIONS if workflow.may(user, a)} == allowed


def test_contributor_and_editor_cannot_approve_return_or_unpublish(contributor, editor):
    for user in (contributor, editor):
        for status, action in [(S.SUBMITTED, "approve"), (S.SUBMITTED, "return")] + [
            (S.PUBLISHED, "unpublish")
        ]:
            article = make_article("Bài", status=status, created_by=user)
            with pytest.raises(workflow.WorkflowError, match="không được"):
                workflow.apply_action(action=action, article=article, by=user, note="x")
            article.refresh_from_db()
            assert article.status == status


def test_contributor_submits_only_own_articles_in_granted_categories(
    contributor, category, other_category, editor
):
    someone_elses = make_article("Bài người khác", status=S.DRAFT, created_by=editor)
    someone_elses.categories.set([category])
    with pytest.raises(workflow.WorkflowError, match="của chính mình"):
        workflow.submit_article(article=someone_elses, by=contributor)
    outside = make_article("Bài ngoài chuyên mục", status=S.DRAFT, created_by=contributor)
    outside.categories.set([category, other_category])
    with pytest.raises(workflow.WorkflowError, match="không được giao"):
        workflow.submit_article(article=outside, by=contributor)
    without = make_article("Bài chưa có chuyên mục", status=S.DRAFT, created_by=contributor)
    with pytest.raises(workflow.WorkflowError, match="chọn chuyên mục"):
        workflow.submit_article(article=without, by=contributor)
    assert ArticleTransition.objects.count() == 0


# --- the admin: scope, forms, crafted posts ------------------------------------------------


def test_contributor_sees_only_own_articles(contributor_client, draft, editor):
    make_article("Bài của biên tập viên", status=S.DRAFT, created_by=editor)
    make_article("Bài đã đăng của tòa soạn")
    html = contributor_client.get(LIST_URL).text
    assert "Bài của cộng tác viên" in html
    assert "Bài của biên tập viên" not in html and "Bài đã đăng của tòa soạn" not in html
    other = Article.objects.get(title="Bài của biên tập viên")
    assert contributor_client.get(change_url(other)).status_code == 302  # "does not exist"
    assert contributor_client.post(change_url(other), _article_form()).status_code == 302
    other.refresh_from_db()
    assert other.title == "Bài của biên tập viên"


def test_contributor_form_offers_only_granted_categories(
    contributor_client, category, other_category
):
    form = contributor_client.get(ADD_URL).context["adminform"].form
    assert list(form.fields["categories"].queryset) == [category]
    response = contributor_client.post(ADD_URL, _article_form(categories=[other_category.pk]))
    assert response.status_code == 200
    assert "categories" in response.context["adminform"].form.errors
    response = contributor_client.post(ADD_URL, _article_form())
    assert "categories" in response.context["adminform"].form.errors  # required for them
    assert not Article.objects.exists()


def test_contributor_writes_and_submits_from_the_add_form(
    contributor_client, contributor, category, approver, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = contributor_client.post(
            ADD_URL, _article_form(categories=[category.pk], featured="on", _transition="submit")
        )
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.status, article.created_by, article.featured) == (
        S.SUBMITTED,
        contributor,
        False,  # featuring is not theirs to choose
    )
    [mail] = mailoutbox
    assert mail.to == ["duyetbai@example.vn"]
    assert mail.subject == "Bài chờ duyệt: Đại hội điểm công đoàn cơ sở"
    assert "Trần Viết vừa gửi bài" in mail.body
    assert f"/admin/news/article/{article.pk}/change/" in mail.body
    # Waiting for approval: theirs to read, no longer theirs to change.
    page = contributor_client.get(change_url(article))
    assert page.status_code == 200 and not page.context["has_change_permission"]
    contributor_client.post(change_url(article), _article_form(title="Sửa lén"))
    article.refresh_from_db()
    assert article.title == "Đại hội điểm công đoàn cơ sở"


@pytest.mark.parametrize("action", ["approve", "return", "unpublish", "publish-now", ""])
def test_contributor_crafted_post_to_publish_is_refused_and_nothing_changes(
    contributor_client, draft, category, action
):
    before = (draft.title, draft.status)
    data = _article_form(title="Đổi tiêu đề", categories=[category.pk], _transition=action)
    data["status"] = "published"
    response = contributor_client.post(change_url(draft), data)
    draft.refresh_from_db()
    if action:
        assert response.status_code == 403
        assert (draft.title, draft.status) == before
    else:
        # An ordinary save: the edit is kept, the "status" field sent along is not.
        assert response.status_code == 302
        assert (draft.title, draft.status) == ("Đổi tiêu đề", S.DRAFT)
    assert steps(draft) == []


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_crafted_list_actions_from_a_contributor_are_refused(contributor_client, draft, action):
    contributor_client.post(LIST_URL, {"action": action, "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == S.DRAFT
    assert steps(draft) == []


def test_editor_cannot_publish_from_the_change_form(editor_client, draft):
    response = editor_client.post(change_url(draft), _article_form(_transition="approve"))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_change_form_shows_the_buttons_of_the_role_and_the_history(
    client, editor, draft, contributor, approver
):
    client.force_login(editor)
    html = client.get(change_url(draft)).text
    assert 'value="submit"' in html and 'value="approve"' not in html
    workflow.submit_article(article=draft, by=contributor)
    workflow.return_article(article=draft, by=approver, note="Cần thêm ảnh.")
    workflow.submit_article(article=draft, by=contributor)
    client.force_login(approver)
    html = client.get(change_url(draft)).text
    assert 'value="approve"' in html and 'value="return"' in html
    assert 'value="submit"' not in html
    assert "Các bước đã qua" in html
    # One return: its action and the state it left ("Trả lại" both), and the note.
    assert html.count("<td>Trả lại</td>") == 2 and "Cần thêm ảnh." in html
    assert "Lê Duyệt" in html and "Trần Viết" in html


def test_returned_article_shows_the_note_to_its_author(
    contributor_client, draft, contributor, approver
):
    workflow.submit_article(article=draft, by=contributor)
    workflow.return_article(article=draft, by=approver, note="Sai tên đơn vị.")
    html = contributor_client.get(change_url(draft)).text
    assert "Bài bị trả lại" in html and "Sai tên đơn vị." in html
    assert 'value="submit"' in html
    home = contributor_client.get("/admin/").text
    assert "Bài của bạn bị trả lại" in home and "Bài của cộng tác viên" in home


def test_approver_returns_with_a_note_from_the_change_form_and_the_author_is_told(
    approver_client, draft, contributor, mailoutbox, django_capture_on_commit_callbacks
):
    workflow.submit_article(article=draft, by=contributor)
    data = _article_form(
        title=draft.title, _transition="return", _transition_seen="submitted",
        _transition_note="Thiếu nguồn tin.",
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = approver_client.post(change_url(draft), data, follow=True)
    assert "Đã trả lại bài" in response.text
    draft.refresh_from_db()
    assert draft.status == S.RETURNED
    [mail] = mailoutbox
    assert (mail.to, mail.subject) == (
        ["congtacvien@example.vn"],
        "Bài bị trả lại: Bài của cộng tác viên",
    )
    assert "Ghi chú: Thiếu nguồn tin." in mail.body


def test_approval_mail_tells_the_author_when_it_goes_out(
    draft, contributor, approver, mailoutbox, django_capture_on_commit_callbacks
):
    workflow.submit_article(article=draft, by=contributor)
    at = timezone.localtime() + timedelta(days=1)
    at = at.replace(hour=7, minute=30, second=0, microsecond=0)
    Article.objects.filter(pk=draft.pk).update(publish_at=at)
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve_article(article=draft, by=approver)
    [mail] = mailoutbox
    assert mail.to == ["congtacvien@example.vn"]
    assert mail.subject == "Bài đã được duyệt: Bài của cộng tác viên"
    assert f"sẽ lên trang lúc 07:30 ngày {at:%d/%m/%Y}" in mail.body


def test_return_without_a_note_from_the_form_changes_nothing(approver_client, draft, contributor):
    workflow.submit_article(article=draft, by=contributor)
    data = _article_form(title="Tiêu đề đã sửa", _transition="return")
    response = approver_client.post(change_url(draft), data, follow=True)
    assert "Hãy ghi lý do trả lại" in response.text
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Bài của cộng tác viên", S.SUBMITTED)


def test_second_approver_acting_on_the_same_article_is_told_and_nothing_changes(
    client, draft, contributor, approver
):
    other = staff("duyetbai2", "Duyệt bài")
    workflow.submit_article(article=draft, by=contributor)
    # Both opened the page while it waited; the first returns it.
    workflow.return_article(article=draft, by=approver, note="Chưa đạt.", seen=S.SUBMITTED)
    client.force_login(other)
    data = _article_form(title="Sửa của người thứ hai", _transition="approve")
    data["_transition_seen"] = "submitted"
    response = client.post(change_url(draft), data, follow=True)
    assert "vừa được người khác chuyển sang “Trả lại”" in response.text
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Bài của cộng tác viên", S.RETURNED)
    assert [s[0] for s in steps(draft)] == ["submit", "return"]


@pytest.mark.postgres
# serialized_rollback: the flush after the test must not take the migrations' groups with it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_approvers_at_the_same_moment_end_in_one_decision():
    author = staff("tacgia", "Biên tập viên")
    first, second = staff("duyet1", "Duyệt bài"), staff("duyet2", "Duyệt bài")
    article = make_article("Bài tranh chấp", status=S.SUBMITTED, created_by=author)
    barrier = threading.Barrier(2)
    outcomes = {}

    def decide(user, action):
        try:
            barrier.wait()
            workflow.apply_action(
                action=action, article=Article.objects.get(pk=article.pk), by=user,
                note="Quyết định", seen=S.SUBMITTED,
            )  # fmt: skip
            outcomes[user.username] = "ok"
        except workflow.WorkflowError as error:
            outcomes[user.username] = str(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(first, "approve")),
        threading.Thread(target=decide, args=(second, "return")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(v == "ok" for v in outcomes.values()) == [False, True]
    [refusal] = [v for v in outcomes.values() if v != "ok"]
    assert "vừa được người khác chuyển sang" in refusal
    assert ArticleTransition.objects.filter(article=article).count() == 1


# --- the queue -------------------------------------------------------------------------------


def test_admin_home_shows_approvers_the_queue_oldest_first(approver_client, contributor, category):
    for title, hours in [("Bài mới gửi", 1), ("Bài gửi lâu nhất", 30), ("Bài gửi hôm qua", 20)]:
        article = make_article(title, status=S.DRAFT, created_by=contributor)
        article.categories.set([category])
        workflow.submit_article(article=article, by=contributor)
        Article.objects.filter(pk=article.pk).update(
            submitted_at=timezone.now() - timedelta(hours=hours)
        )
    make_article("Bài đã đăng")
    html = approver_client.get("/admin/").text
    assert "Bài chờ duyệt (3)" in html
    order = [html.index(t) for t in ["Bài gửi lâu nhất", "Bài gửi hôm qua", "Bài mới gửi"]]
    assert order == sorted(order)
    assert "Bài đã đăng" not in html


def test_admin_home_has_no_queue_for_editors(editor_client):
    make_article("Bài chờ", status=S.SUBMITTED)
    assert "Bài chờ duyệt" not in editor_client.get("/admin/").text


def test_approver_addresses_are_the_active_holders_of_the_permission(approver, editor):
    staff("nghiviec", "Duyệt bài", is_active=False)
    assert workflow.approver_addresses() == ["duyetbai@example.vn"]
