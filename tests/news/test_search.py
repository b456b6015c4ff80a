import re

import pytest

from .conftest import card_titles, make_article


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
    assert "Chưa có bài viết nào." in response.text


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
