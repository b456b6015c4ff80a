import re
from datetime import timedelta

import pytest

from news import selectors
from news.models import Article, Tag
from tests.factories import make_article

from .conftest import card_titles


@pytest.fixture
def corpus(db):
    make_article("Đại hội điểm công đoàn cơ sở Thọ Xuân", body="<p>Tổ chức thành công.</p>")
    make_article("Tập huấn nghiệp vụ", body="<p>Chuẩn bị cho dai hoi cong doan nhiem ky moi.</p>")
    make_article("Tháng công nhân", summary="Chương trình vì người lao động.")


def test_query_without_diacritics_finds_vietnamese_text(client, corpus):
    assert card_titles(client.get("/tim-kiem/", {"q": "dai hoi diem"})) == [
        "Đại hội điểm công đoàn cơ sở Thọ Xuân"
    ]


def test_query_with_diacritics_finds_text_typed_without(client, corpus):
    assert card_titles(client.get("/tim-kiem/", {"q": "Đại hội"})) == [
        "Đại hội điểm công đoàn cơ sở Thọ Xuân",
        "Tập huấn nghiệp vụ",
    ]


def test_title_matches_rank_above_body_matches(client, corpus):
    make_article("Công đoàn ngành giáo dục", ago=None)
    found = card_titles(client.get("/tim-kiem/", {"q": "cong doan"}))
    assert found[-1] == "Tập huấn nghiệp vụ"
    assert set(found[:-1]) == {"Công đoàn ngành giáo dục", "Đại hội điểm công đoàn cơ sở Thọ Xuân"}


def test_sapo_is_searched(client, corpus):
    assert card_titles(client.get("/tim-kiem/", {"q": "nguoi lao dong"})) == ["Tháng công nhân"]


def test_every_word_must_match(client, corpus):
    assert card_titles(client.get("/tim-kiem/", {"q": "dai hoi thang"})) == []


def test_words_match_whole_words_not_parts(client, corpus):
    # "cong" is a word of the title; "con" is only part of words.
    assert card_titles(client.get("/tim-kiem/", {"q": "con"})) == []


def test_no_match_says_so(client, corpus):
    response = client.get("/tim-kiem/", {"q": "không có từ này"})
    assert response.status_code == 200
    assert "Không tìm thấy kết quả cho “không có từ này”" in response.text


@pytest.mark.parametrize("query", ["!!!", "“”…—", "' OR 1=1 --"[:2], "%_%"])
def test_punctuation_only_query_is_a_normal_page(client, corpus, query):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert "không có chữ hoặc số để tìm" in response.text


def test_one_megabyte_query_is_a_normal_page(client, corpus):
    response = client.get("/tim-kiem/", {"q": "dai hoi " * 131072})
    assert response.status_code == 200
    assert 'maxlength="200"' in response.text
    assert card_titles(response)[0] == "Đại hội điểm công đoàn cơ sở Thọ Xuân"
    for field in ("search-q", "header-q"):  # the query is echoed back trimmed, not whole
        value = re.search(rf'id="{field}"[^>]*value="([^"]*)"', response.text).group(1)
        assert len(value) <= 200


def test_empty_query_shows_the_form(client, db):
    response = client.get("/tim-kiem/")
    assert response.status_code == 200
    assert "Nhập từ khóa để tìm tin bài" in response.text


def test_query_is_escaped_in_the_page(client, db):
    response = client.get("/tim-kiem/", {"q": '<script>alert("x")</script>'})
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert" in response.text


@pytest.mark.postgres
def test_postgres_full_text_search_ranks_and_folds(client, corpus):
    # Same expectations as above, asserted explicitly on the PostgreSQL code path.
    assert card_titles(client.get("/tim-kiem/", {"q": "ĐẠI HỘI ĐIỂM"})) == [
        "Đại hội điểm công đoàn cơ sở Thọ Xuân"
    ]
    assert card_titles(client.get("/tim-kiem/", {"q": "dai hoi"}))[0] == (
        "Đại hội điểm công đoàn cơ sở Thọ Xuân"
    )


def test_tags_and_byline_are_searched(client, corpus):
    tag = Tag.objects.create(name="Nhà văn hóa công nhân")
    make_article("Khánh thành công trình", tags=[tag])
    make_article("Gặp mặt đoàn viên", byline="Lê Thị Hương")
    assert card_titles(client.get("/tim-kiem/", {"q": "nha van hoa"})) == ["Khánh thành công trình"]
    assert card_titles(client.get("/tim-kiem/", {"q": "Huong"})) == ["Gặp mặt đoàn viên"]


def test_tag_changes_reach_search(client, corpus):
    tag = Tag.objects.create(name="Bảo hộ lao động")
    article = make_article("Khánh thành công trình", tags=[tag])
    tag.name = "An toàn vệ sinh"
    tag.save()
    assert card_titles(client.get("/tim-kiem/", {"q": "an toan ve sinh"})) == [
        "Khánh thành công trình"
    ]
    assert card_titles(client.get("/tim-kiem/", {"q": "bao ho"})) == []
    article.tags.clear()
    assert card_titles(client.get("/tim-kiem/", {"q": "an toan ve sinh"})) == []
    tag.articles.add(article)
    assert card_titles(client.get("/tim-kiem/", {"q": "ve sinh"})) == ["Khánh thành công trình"]
    tag.delete()
    assert card_titles(client.get("/tim-kiem/", {"q": "ve sinh"})) == []


def test_edited_title_is_found_and_the_old_one_is_not(client, corpus):
    article = Article.objects.get(title="Tháng công nhân")
    assert card_titles(client.get("/tim-kiem/", {"q": "thang cong nhan"})) == ["Tháng công nhân"]
    article.title = "Hội thao mùa xuân"
    article.save()
    assert card_titles(client.get("/tim-kiem/", {"q": "thang cong nhan"})) == []
    assert card_titles(client.get("/tim-kiem/", {"q": "hoi thao"})) == ["Hội thao mùa xuân"]


def test_only_the_newest_matches_are_ranked_and_the_page_says_so(client, db, monkeypatch):
    monkeypatch.setattr(selectors, "SEARCH_LIMIT", 3)
    for i in range(5):  # bài 0 is the newest
        make_article(f"Hội nghị người lao động bài {i}", ago=timedelta(days=i + 1))
    make_article("Người lao động tiêu biểu", ago=timedelta(days=9))  # old, title hit
    response = client.get("/tim-kiem/", {"q": "nguoi lao dong"})
    assert card_titles(response) == [f"Hội nghị người lao động bài {i}" for i in range(3)]
    assert "Hơn 3 bài viết khớp; đây là 3 bài mới nhất" in response.text


def test_cached_results_give_way_to_a_new_article(client, corpus):
    assert len(card_titles(client.get("/tim-kiem/", {"q": "dai hoi"}))) == 2
    make_article("Đại hội công đoàn ngành y tế", ago=timedelta(minutes=1))
    assert card_titles(client.get("/tim-kiem/", {"q": "dai hoi"}))[0] == (
        "Đại hội công đoàn ngành y tế"
    )


def test_a_page_past_the_last_result_is_404(client, corpus):
    assert client.get("/tim-kiem/", {"q": "dai hoi", "page": "2"}).status_code == 404


@pytest.mark.postgres
def test_postgres_search_uses_the_stored_vector_and_its_index(corpus):
    from django.contrib.postgres.search import SearchQuery
    from django.db import connection

    assert Article.objects.filter(search_vector=SearchQuery("tho", config="simple")).count() == 1
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM news_article WHERE search_vector @@ "
            "plainto_tsquery('simple', 'dai hoi')"
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "news_article_search_gin" in plan


@pytest.mark.postgres
def test_postgres_statements_time_out_before_the_worker_does(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "15s"
