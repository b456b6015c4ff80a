"""A staff day in Chromium: an editor edits an illustrated article twice, a district officer
corrects a congress twice. The second save of each changes nothing and loses nothing (the
cover, the body and its image, the congress's photo). Screenshots in test-artifacts/.

Few page loads on the session's one live server (``site_url``), as the other browser tests.
"""

import datetime
import io
import uuid

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from congresses.models import Congress, CongressPhoto, Organisation, StaffAssignment, in_subtree
from news.demo import THO_XUAN_SLUG, THO_XUAN_TITLE
from news.models import Article, Category

from .conftest import assert_no_page_errors, shoot
from .test_staff import log_in, make_staff

pytestmark = pytest.mark.browser


def png(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (480, 270), colour).save(buffer, "PNG")
    return buffer.getvalue()


def stored(model_instance) -> dict:
    """The record's columns as stored (``updated_at`` moves on every save by design)."""
    [row] = type(model_instance).objects.filter(pk=model_instance.pk).values()
    row.pop("updated_at", None)
    return row


def save_and_continue(page):
    """Press "Lưu và tiếp tục chỉnh sửa" and wait for the form to come back."""
    with page.expect_navigation():
        page.locator("input[name=_continue]").first.click()
    assert page.locator(".errornote").count() == 0, page.locator(".errorlist").all_inner_texts()
    assert page.locator(".messagelist .success").count() == 1


def loaded_width(locator) -> int:
    return locator.evaluate("img => img.complete ? img.naturalWidth : 0")


def test_editor_edits_an_illustrated_article_twice_and_keeps_its_pictures(page, site_url):
    body_image = default_storage.save(
        f"news/uploads/hoi-truong-{uuid.uuid4().hex[:6]}.png", ContentFile(png((11, 74, 143)))
    )
    article = Article.objects.create(
        title=f"Đại hội Công đoàn Kho bạc Nhà nước Thọ Xuân {uuid.uuid4().hex[:6]}",
        summary="Đại hội nhiệm kỳ 2023–2028.",
        body=(
            "<p>Đại hội đã bầu Ban Chấp hành mới.</p>"
            f'<figure class="image"><img src="{default_storage.url(body_image)}" '
            'alt="Đại biểu biểu quyết thông qua nghị quyết"></figure>'
        ),
        status=Article.Status.PUBLISHED,
        # Long published: it stays off the home page the reader tests look at.
        publish_at=datetime.datetime(2023, 3, 22, 9, 0, tzinfo=datetime.UTC),
        cover=SimpleUploadedFile("bia.png", png((200, 16, 46)), content_type="image/png"),
        cover_alt="Hội trường đại hội",
        byline="Phóng viên",
    )
    article.categories.add(Category.objects.first())
    cover = article.cover.name
    # A chief editor: also an approver, so the live article changes at once (an editor alone
    # would make a pending version: tests/news/test_history.py).
    editor = make_staff("Biên tập viên")
    editor.groups.add(Group.objects.get(name="Duyệt bài"))
    change = f"/admin/news/article/{article.pk}/change/"
    log_in(page, site_url, editor, change)

    # The stored cover is shown as a picture, not a path.
    assert loaded_width(page.locator(".cover-thumbnail img")) > 0
    page.locator("#id_summary").fill("Đại hội nhiệm kỳ 2023–2028 bầu 9 ủy viên Ban Chấp hành.")
    save_and_continue(page)
    article.refresh_from_db()
    assert article.summary == "Đại hội nhiệm kỳ 2023–2028 bầu 9 ủy viên Ban Chấp hành."
    assert article.cover.name == cover
    assert f'src="{default_storage.url(body_image)}"' in article.body
    assert 'alt="Đại biểu biểu quyết thông qua nghị quyết"' in article.body
    first = stored(article)

    # Saved again without touching anything: nothing changes, nothing is lost.
    save_and_continue(page)
    assert stored(article) == first
    assert default_storage.exists(cover) and default_storage.exists(body_image)
    shoot(page, "day-editor-article-resaved")

    page.goto(site_url + article.get_absolute_url())
    main = page.locator("#main")
    assert loaded_width(main.locator('img[src*="/media/news/uploads/"]')) == 480
    assert main.get_by_alt_text("Hội trường đại hội").count() == 1
    assert_no_page_errors(page)


def test_district_officer_corrects_a_congress_twice_and_sees_only_their_district(page, site_url):
    tho_xuan = Organisation.objects.get(slug="tho-xuan")
    officer = make_staff("Cán bộ LĐLĐ huyện")
    StaffAssignment.objects.create(user=officer, organisation=tho_xuan)
    congress = Congress.objects.get(organisation__name="Kho bạc Nhà nước Thọ Xuân")
    photo = CongressPhoto(congress=congress, caption="Biểu quyết")
    photo.image.save("bieu-quyet.png", ContentFile(png((20, 120, 60))), save=True)
    log_in(page, site_url, officer, "/admin/congresses/congress/")

    # The list holds this district's congresses and nothing of the others.
    own = set(
        Congress.objects.filter(in_subtree(tho_xuan.pk, via="organisation__")).values_list(
            "organisation__name", flat=True
        )
    )
    listed = page.locator("#result_list tbody th a").all_inner_texts()
    assert set(listed) == own and len(listed) == len(own)
    assert "Nhữ Bá Sỹ" not in page.content()

    page.get_by_role("link", name="Kho bạc Nhà nước Thọ Xuân", exact=True).click()
    page.wait_for_url(f"{site_url}/admin/congresses/congress/{congress.pk}/change/")
    page.locator("#id_delegates_summoned").fill("18")
    page.locator("#id_delegates_attending").fill("17")
    page.locator("#id_chair_name").fill("Lê Văn Minh")
    # The article picker searches as the officer types, without diacritics.
    page.locator("#id_article + .select2").click()
    page.locator(".select2-search__field").fill("giai phap dai hoi diem")
    page.locator(".select2-results__option", has_text=THO_XUAN_TITLE).click()
    save_and_continue(page)
    congress.refresh_from_db()
    assert (congress.delegates_summoned, congress.delegates_attending) == (18, 17)
    assert congress.chair_name == "Lê Văn Minh"
    assert congress.article.slug == THO_XUAN_SLUG
    first, first_photo = stored(congress), stored(photo)

    save_and_continue(page)
    assert stored(congress) == first
    assert stored(photo) == first_photo
    assert default_storage.exists(photo.image.name)
    shoot(page, "day-officer-congress-resaved")
    assert_no_page_errors(page)
