from news.models import Article, Category, Page, Tag
from tests.factories import make_article


def test_article_slug_from_vietnamese_title(db):
    article = make_article("Đại hội điểm công đoàn")
    assert article.slug == "dai-hoi-diem-cong-doan"


def test_article_slugs_are_unique_with_numbered_suffixes(db):
    slugs = [make_article("Đại hội điểm công đoàn").slug for _ in range(3)]
    assert slugs == [
        "dai-hoi-diem-cong-doan",
        "dai-hoi-diem-cong-doan-2",
        "dai-hoi-diem-cong-doan-3",
    ]


def test_article_slug_stays_when_title_is_edited(db):
    article = make_article("Đại hội điểm công đoàn")
    article.title = "Đại hội điểm công đoàn cơ sở thành công tốt đẹp"
    article.save()
    article.refresh_from_db()
    assert article.slug == "dai-hoi-diem-cong-doan"


def test_editor_typed_slug_is_normalised_and_made_unique(db):
    make_article("Bài gốc", slug="tin-moi")
    article = make_article("Bài khác", slug="Tin Mới")
    assert article.slug == "tin-moi-2"


def test_title_without_letters_gets_a_fallback_slug(db):
    assert make_article("!!!").slug == "bai-viet"


def test_category_tag_and_page_slugs_handle_d(db):
    assert Category.objects.create(name="Đại hội công đoàn").slug == "dai-hoi-cong-doan"
    assert Tag.objects.create(name="Đoàn viên").slug == "doan-vien"
    assert Page.objects.create(title="Cơ cấu tổ chức").slug == "co-cau-to-chuc"


def test_body_is_sanitised_before_it_is_stored(db):
    article = make_article(body='<p onclick="x()">Xin chào<script>alert(1)</script></p>')
    assert Article.objects.get(pk=article.pk).body == "<p>Xin chào</p>"


def test_page_body_is_sanitised_before_it_is_stored(db):
    page = Page.objects.create(
        title="Giới thiệu", body='<h2>Chức năng</h2><img src=x onerror="a()">'
    )
    assert Page.objects.get(pk=page.pk).body == '<h2>Chức năng</h2><img src="x" loading="lazy">'


def test_search_columns_hold_folded_words(db):
    article = make_article("Đại hội Điểm", summary="Thọ Xuân.", body="<p>Công đoàn</p><p>cơ sở</p>")
    assert article.search_title == " dai hoi diem "
    assert article.search_text == " tho xuan cong doan co so "


def test_published_excludes_drafts_and_scheduled(db):
    from datetime import timedelta

    visible = make_article("Đã đăng")
    make_article("Bản nháp", status=Article.Status.DRAFT)
    make_article("Hẹn giờ", ago=-timedelta(hours=1))
    assert list(Article.objects.published()) == [visible]
