"""What an editor notices on the article form: thumbnail, alt text, schedule, tags, dates."""

import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from news.models import Article, Page, Tag
from tests.factories import make_article, upload

from .test_permissions import _article_form

ADD_URL = "/admin/news/article/add/"


def _change_url(article):
    return f"/admin/news/article/{article.pk}/change/"


def test_change_form_shows_a_thumbnail_of_the_stored_cover(editor_client):
    # A draft: on a live article the cover is read-only for editors (it waits for approval).
    article = make_article(
        "Bài có ảnh", cover=upload(), cover_alt="Hội trường đại hội", status=Article.Status.DRAFT
    )
    html = editor_client.get(_change_url(article)).text
    assert 'class="cover-thumbnail"' in html
    assert 'alt="Ảnh đại diện hiện tại: Hội trường đại hội"' in html
    assert "/media/" in html.split('class="cover-thumbnail"', 1)[1].split(">", 2)[1]


def test_form_without_a_cover_shows_no_thumbnail(editor_client):
    assert 'class="cover-thumbnail"' not in editor_client.get(ADD_URL).text


def test_body_image_without_alt_is_refused_naming_the_image(editor_client):
    body = (
        '<p>Mở đầu</p><figure class="image"><img src="/media/news/uploads/hoi-truong.jpg">'
        '</figure><img src="/media/news/uploads/dai-bieu.png" alt="Đại biểu">'
        '<img src="/media/news/uploads/san-khau.jpg" alt="  ">'
    )
    response = editor_client.post(ADD_URL, _article_form(body=body))
    assert response.status_code == 200
    [message] = response.context["adminform"].form.errors["body"]
    assert "“hoi-truong.jpg”, “san-khau.jpg”" in message
    assert "dai-bieu.png" not in message
    assert "Thay đổi văn bản thay thế" in message
    assert not Article.objects.exists()


def test_body_images_with_alt_are_accepted(editor_client):
    body = '<p>Ảnh</p><img src="/media/news/uploads/a.jpg" alt="Đại biểu biểu quyết">'
    assert editor_client.post(ADD_URL, _article_form(body=body)).status_code == 302
    assert 'alt="Đại biểu biểu quyết"' in Article.objects.get().body


def test_static_page_body_needs_alt_too(client, db):
    client.force_login(User.objects.create_superuser("quantri", password="x-Strong-pass-1"))
    response = client.post(
        "/admin/news/page/add/",
        {"title": "Giới thiệu", "slug": "", "body": '<img src="/media/so-do.png">', "order": 0},
    )
    assert "“so-do.png”" in response.context["adminform"].form.errors["body"][0]
    assert not Page.objects.exists()


def test_approving_a_scheduled_article_says_when_it_will_appear(client, editor, approver):
    at = timezone.localtime() + datetime.timedelta(days=2)
    at = at.replace(hour=14, minute=30, second=0, microsecond=0)
    form = _article_form(publish_at_0=at.strftime("%d/%m/%Y"), publish_at_1="14:30")
    client.force_login(editor)
    response = client.post(ADD_URL, {**form, "_transition": "submit"}, follow=True)
    assert "Bài sẽ đăng lúc" not in response.text  # not approved yet
    article = Article.objects.get()
    assert timezone.localtime(article.publish_at) == at
    client.force_login(approver)
    response = client.post(_change_url(article), {**form, "_transition": "approve"}, follow=True)
    assert f"Bài sẽ đăng lúc 14:30 ngày {at:%d/%m/%Y}." in response.text
    response = client.post(_change_url(article), {**form, "_continue": "1"}, follow=True)
    assert f"Bài sẽ đăng lúc 14:30 ngày {at:%d/%m/%Y}." in response.text
    article.refresh_from_db()
    assert (article.status, timezone.localtime(article.publish_at)) == ("published", at)


def test_saving_a_due_article_does_not_announce_a_schedule(editor_client):
    response = editor_client.post(ADD_URL, _article_form(), follow=True)
    assert "Bài sẽ đăng lúc" not in response.text


def test_unreadable_dates_say_the_expected_format(editor_client):
    for date, time in [("2026/12/05", "14:30"), ("05/12/2026", "2h30"), ("32/12/2026", "14:30")]:
        response = editor_client.post(ADD_URL, _article_form(publish_at_0=date, publish_at_1=time))
        assert response.status_code == 200
        [message] = response.context["adminform"].form.errors["publish_at"]
        assert "dd/mm/yyyy hh:mm" in message, (date, time)
        assert "dd/mm/yyyy hh:mm" in response.text
    assert not Article.objects.exists()


def test_new_tags_are_created_from_the_tag_box(editor_client, tag):
    # select2 sends existing tags by id and typed names as text.
    form = _article_form(tags=[str(tag.pk), "Công nhân lao động", "tho xuan", "  "])
    response = editor_client.post(ADD_URL, form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert sorted(article.tags.values_list("name", flat=True)) == [
        "Công nhân lao động",
        "Thọ Xuân",
    ]
    assert Tag.objects.count() == 2
    assert Tag.objects.get(name="Công nhân lao động").slug == "cong-nhan-lao-dong"


def test_tag_box_is_in_select2_tags_mode(editor_client):
    html = editor_client.get(ADD_URL).text
    tag_select = html.split('name="tags"', 1)[1].split(">", 1)[0]
    assert 'data-tags="true"' in tag_select


def test_a_new_tag_is_not_created_when_the_article_has_errors(editor_client):
    response = editor_client.post(ADD_URL, _article_form(title="", tags=["Tag mới"]))
    assert response.status_code == 200
    assert not Tag.objects.exists()
    # The typed name is still in the box when the form comes back.
    assert '<option value="Tag mới" selected>Tag mới</option>' in response.text


def test_staff_without_tag_permission_cannot_create_tags(contributor_client, category, tag):
    form = _article_form(categories=[category.pk])
    response = contributor_client.post(ADD_URL, {**form, "tags": ["Thẻ lạ"]})
    assert "không có quyền tạo thẻ mới" in response.context["adminform"].form.errors["tags"][0]
    assert contributor_client.post(ADD_URL, {**form, "tags": [str(tag.pk)]}).status_code == 302
    assert Tag.objects.count() == 1


def test_a_chosen_cover_lost_by_a_form_error_is_named_to_choose_again(editor_client):
    form = _article_form(title="", cover=upload("hoi-nghi.jpg"))
    response = editor_client.post(ADD_URL, form)
    [message] = response.context["adminform"].form.errors["cover"]
    assert "“hoi-nghi.jpg”" in message and "chọn lại ảnh" in message
    assert not Article.objects.exists()
    response = editor_client.post(ADD_URL, _article_form(title=""))
    assert "cover" not in response.context["adminform"].form.errors
