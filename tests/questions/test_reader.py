"""/hoi-dap/: answered questions by field, newest first, search with or without diacritics, a
page per question, RSS, sitemap and the site search; nothing of an asker's contact anywhere."""

import datetime
import re

import pytest

from documents.models import Document, DocumentType, Issuer
from questions.models import Question

from .conftest import make_question

pytestmark = pytest.mark.django_db

P = Question.Status.PUBLISHED
ANSWER = "<p>Theo Điều 107 Bộ luật Lao động 2019, không quá 40 giờ một tháng.</p>"


def titles(response) -> list[str]:
    return re.findall(r'class="qa-list__title"><a href="[^"]+">([^<]+)</a>', response.text)


@pytest.fixture
def answered(db):
    return {
        "overtime": make_question(
            "Làm thêm giờ tối đa bao nhiêu một tháng?", topic_name="Lao động – việc làm",
            answer=ANSWER, status=P, days_ago=3, email="a@example.com", phone="0912345678",
            asker_name="Trần Văn Bảo",
        ),
        "wage": make_question(
            "Lương tối thiểu vùng III là bao nhiêu?", answer="<p>3.860.000 đồng.</p>",
            status=P, days_ago=1, show_name=False, asker_name="Nguyễn Thị Kín",
        ),
        "maternity": make_question(
            "Nghỉ thai sản được mấy tháng?", topic_name="Bảo hiểm xã hội",
            answer="<p>Sáu tháng.</p>", status=P, days_ago=2,
        ),
        "waiting": make_question("Công ty nợ lương thì sao, tôi hỏi chưa ai trả lời?"),
        "answered_not_published": make_question(
            "Câu hỏi đã trả lời riêng nhưng chưa công khai", answer="<p>Trả lời riêng.</p>",
            status=Question.Status.ANSWERED,
        ),
    }  # fmt: skip


def test_list_shows_published_questions_newest_first(client, answered):
    response = client.get("/hoi-dap/")
    assert response.status_code == 200
    assert titles(response) == [
        "Lương tối thiểu vùng III là bao nhiêu?",
        "Nghỉ thai sản được mấy tháng?",
        "Làm thêm giờ tối đa bao nhiêu một tháng?",
    ]


def test_list_by_field(client, answered):
    response = client.get("/hoi-dap/linh-vuc/bao-hiem-xa-hoi/")
    assert titles(response) == ["Nghỉ thai sản được mấy tháng?"]
    assert client.get("/hoi-dap/linh-vuc/khong-co/").status_code == 404


@pytest.mark.postgres
@pytest.mark.parametrize("query", ["thai sản", "thai san", "THAI SAN", "  nghi   thai san "])
def test_search_with_or_without_diacritics(client, answered, query):
    assert titles(client.get("/hoi-dap/", {"q": query})) == ["Nghỉ thai sản được mấy tháng?"]


@pytest.mark.postgres
def test_search_reaches_the_answer_text_and_never_unpublished_questions(client, answered):
    assert titles(client.get("/hoi-dap/", {"q": "dieu 107"})) == [
        "Làm thêm giờ tối đa bao nhiêu một tháng?"
    ]
    assert titles(client.get("/hoi-dap/", {"q": "no luong"})) == []
    assert titles(client.get("/hoi-dap/", {"q": "tra loi rieng"})) == []


def test_question_page_shows_answer_without_contact_and_hides_the_name_when_asked(client, answered):
    page = client.get(answered["overtime"].get_absolute_url()).text
    assert "Theo Điều 107 Bộ luật Lao động 2019" in page
    assert "Trần Văn Bảo" in page
    assert "a@example.com" not in page and "0912345678" not in page
    hidden = client.get(answered["wage"].get_absolute_url()).text
    assert "Nguyễn Thị Kín" not in hidden
    assert "Hỏi: Bạn đọc" in hidden


def test_unpublished_question_has_no_public_page(client, answered):
    for key in ("waiting", "answered_not_published"):
        assert client.get(f"/hoi-dap/{answered[key].slug}/").status_code == 404


def test_html_in_a_question_is_shown_as_text(client, db):
    question = make_question(
        '<script>alert("x")</script><b>đậm</b> lương tháng 13 có bắt buộc không?',
        answer="<p>Không bắt buộc.</p><script>alert(1)</script>", status=P,
    )  # fmt: skip
    page = client.get(question.get_absolute_url()).text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt;" in page
    assert "<script>alert" not in page
    assert "<p>Không bắt buộc.</p>" in page


def test_answer_lists_the_published_documents_it_cites(client, db):
    issuer = Issuer.objects.create(name="Quốc hội")
    law = Document.objects.create(
        number="45/2019/QH14", doc_type=DocumentType.objects.get(name="Luật"), issuer=issuer,
        issued_on=datetime.date(2019, 11, 20), title="Bộ luật Lao động",
    )  # fmt: skip
    hidden = Document.objects.create(
        number="1/TB", doc_type=DocumentType.objects.get(name="Thông báo"), issuer=issuer,
        issued_on=datetime.date(2019, 11, 21), title="Thông báo nội bộ", is_published=False,
    )  # fmt: skip
    question = make_question(answer=ANSWER, status=P)
    question.documents.set([law, hidden])
    page = client.get(question.get_absolute_url()).text
    assert f'<a href="{law.get_absolute_url()}">Luật 45/2019/QH14</a>' in page
    assert "Thông báo nội bộ" not in page


def test_rss_lists_published_questions_without_names_or_contacts(client, answered):
    response = client.get("/rss/hoi-dap/")
    assert response.status_code == 200
    xml = response.content.decode()
    assert xml.count("<item>") == 3
    assert "Nghỉ thai sản được mấy tháng?" in xml
    for private in ("a@example.com", "0912345678", "Trần Văn Bảo", "nợ lương"):
        assert private not in xml


def test_sitemap_lists_published_questions_only(client, answered):
    xml = client.get("/sitemap-questions.xml").content.decode()
    assert answered["wage"].get_absolute_url() in xml
    assert answered["waiting"].slug not in xml
    assert "/sitemap-questions.xml" in client.get("/sitemap.xml").content.decode()


@pytest.mark.postgres
def test_site_search_has_a_questions_kind(client, answered):
    response = client.get("/tim-kiem/", {"q": "thai san"})
    groups = {kind.key: [entry["hit"].title for entry in hits] for kind, hits, _ in
              response.context["groups"]}  # fmt: skip
    assert groups["questions"] == ["Nghỉ thai sản được mấy tháng?"]
    assert "Hỏi đáp pháp luật" in response.text


def test_menu_and_footer_link_the_section(client, db):
    page = client.get("/").text
    assert 'href="/hoi-dap/"' in page
    assert 'href="/gop-y/"' in page


@pytest.mark.parametrize("path", ["/hoi-dap/", "/hoi-dap/tra-cuu/", "/gop-y/da-gui/"])
def test_reader_pages_refuse_post(client, db, path):
    assert client.post(path).status_code == 405


def test_list_query_count(client, answered, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get("/hoi-dap/").status_code == 200
