"""/hoi-dap/gui-cau-hoi/ and the asker's status page: a question is stored once, with a code
nobody can guess; every bad input is a Vietnamese message on the form, never a 500."""

import re

import pytest

from questions.models import CODE_ALPHABET, Question, new_code, normalise_code

from .conftest import ASK, question_data, token_from

pytestmark = pytest.mark.django_db


def error_text(response) -> str:
    return " ".join(re.findall(r'role="alert">(.*?)</', response.text, re.S))


def test_form_works_without_javascript_and_names_what_is_kept(client, db):
    response = client.get(ASK)
    assert response.status_code == 200
    page = response.text
    assert '<form class="qa-form" method="post"' in page
    assert "<script" not in page.split('<main id="main"')[1].split("</main>")[0]
    # The consent sentence: what is kept, why, for how long, under which decree.
    assert "lưu tên (hoặc bí danh), e-mail hoặc số điện thoại" in page
    assert "để trả lời và gửi câu trả lời cho tôi" in page
    assert "được xóa 90 ngày sau khi có câu trả lời" in page
    assert "Nghị định 13/2023/NĐ-CP" in page
    assert response["Cache-Control"].startswith("private, no-store")
    # Not "no-referrer": the browser would post the form with "Origin: null" and CSRF refuse it.
    assert response["Referrer-Policy"] == "same-origin"


def test_a_question_is_stored_and_the_asker_gets_a_code(client, db):
    response = client.post(ASK, question_data())
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/hoi-dap/tra-cuu/{question.code}/?moi=1"
    assert question.status == Question.Status.NEW
    assert question.email == "congnhan@example.com"
    assert question.district == "Huyện Thọ Xuân"
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert question.code in receipt.text
    assert "Đã nhận, đang chờ xử lý" in receipt.text
    assert "no-store" in receipt["Cache-Control"]
    assert receipt["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex, nofollow">' in receipt.text


def test_a_form_from_the_page_itself_is_refused_when_sent_at_once(client, db):
    token = token_from(client.get(ASK))
    response = client.post(ASK, question_data(token=token))
    assert response.status_code == 400
    assert "Bạn gửi nhanh quá" in error_text(response)
    assert Question.objects.count() == 0


def test_the_code_is_long_random_and_typed_any_way_finds_the_question(client, db):
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    code = codes.pop()
    assert re.fullmatch(r"HD-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert set(code[3:].replace("-", "")) <= set(CODE_ALPHABET)
    assert normalise_code(f" {code.lower().replace('-', ' ')} ") == code
    assert normalise_code("HD-0000-0000-0000") == ""  # 0 is not in the alphabet
    client.post(ASK, question_data())
    question = Question.objects.get()
    typed = question.code.lower().replace("-", "")
    response = client.get("/hoi-dap/tra-cuu/", {"ma": typed})
    assert response.status_code == 302
    assert response["Location"] == question.get_status_url()


def test_unknown_or_malformed_codes(client, db):
    assert client.get(f"/hoi-dap/tra-cuu/{new_code()}/").status_code == 404
    assert client.get("/hoi-dap/tra-cuu/1/").status_code == 404
    response = client.get("/hoi-dap/tra-cuu/", {"ma": "<b>xyz</b>"})
    assert response.status_code == 400
    assert "&lt;b&gt;xyz&lt;/b&gt;" in response.text


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "khong-phai-email"}, "email", "E-mail không đúng dạng"),
        ({"email": "", "phone": "12345"}, "phone", "Số điện thoại không đúng dạng"),
        ({"email": "", "phone": ""}, "email", "Vui lòng để lại e-mail hoặc số điện thoại"),
        ({"question": "x" * 3001}, "question", "Tối đa 3000 ký tự (bạn đã nhập 3001)"),
        ({"question": "ngắn"}, "question", "Câu hỏi ngắn quá"),
        ({"consent": ""}, "consent", "Vui lòng đánh dấu đồng ý"),
        ({"asker_name": ""}, "asker_name", "Vui lòng điền tên hoặc bí danh."),
        ({"topic": "999999"}, "topic", "Vui lòng chọn lĩnh vực trong danh sách."),
        ({"topic": "abc"}, "topic", "Vui lòng chọn lĩnh vực trong danh sách."),
        ({"district": "Hà Nội"}, "district", "Vui lòng chọn nơi làm việc trong danh sách."),
    ],
)
def test_bad_input_gives_a_vietnamese_error_and_stores_nothing(client, db, overrides, field,
                                                              message):  # fmt: skip
    response = client.post(ASK, question_data(**overrides))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert message.split("(")[0].strip() in response.text
    assert Question.objects.count() == 0


def test_phone_only_is_enough_and_is_normalised(client, db):
    client.post(ASK, question_data(email="", phone="0912.345.678"))
    assert Question.objects.get().phone == "0912345678"


def test_too_many_links_are_refused(client, db):
    text = "Xem http://a.example/1 và https://b.example/2 và www.c.example giúp tôi với"
    response = client.post(ASK, question_data(question=text))
    assert response.status_code == 400
    assert "Nội dung có 3 đường dẫn; vui lòng để tối đa 2 đường dẫn." in response.text
    assert Question.objects.count() == 0


def test_html_typed_in_the_form_is_stored_as_typed_and_shown_as_text(client, db):
    text = '<img src=x onerror="alert(1)"> Công ty không trả lương ngày nghỉ lễ có đúng không?'
    response = client.post(ASK, question_data(question=text, asker_name="<b>An</b>"))
    question = Question.objects.get()
    assert question.question == text
    page = client.get(response["Location"]).text
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "<img src=x" not in page


def test_control_characters_are_dropped(client, db):
    client.post(ASK, question_data(question="Lương\x00 làm thêm\x07 giờ tính thế nào ạ?"))
    assert Question.objects.get().question == "Lương làm thêm giờ tính thế nào ạ?"


def test_a_double_submit_stores_one_question(client, db):
    data = question_data()
    first = client.post(ASK, data)
    second = client.post(ASK, data)
    assert Question.objects.count() == 1
    assert first["Location"] == second["Location"]


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("", "Biểu mẫu không hợp lệ"),
        ("gia-mao", "Biểu mẫu không hợp lệ"),
        ("eyJ0IjoxLCJuIjoiYWJjIn0:1tX:forged", "Biểu mẫu không hợp lệ"),
    ],
)
def test_a_forged_token_is_refused(client, db, token, message):
    response = client.post(ASK, question_data(token=token))
    assert response.status_code == 400
    assert message in response.text
    assert Question.objects.count() == 0


def test_a_stale_token_is_refused(client, db):
    from .conftest import old_token

    response = client.post(ASK, question_data(token=old_token(7 * 3600)))
    assert response.status_code == 400
    assert "Biểu mẫu đã mở quá lâu" in response.text
    assert Question.objects.count() == 0


def test_the_honeypot_is_refused_politely(client, db):
    response = client.post(ASK, question_data(website="http://spam.example"))
    assert response.status_code == 400
    assert "Không gửi được biểu mẫu" in response.text
    assert Question.objects.count() == 0


def test_a_refused_form_keeps_what_was_typed_with_a_new_token(client, db):
    data = question_data(website="x", question="Câu hỏi dài tôi không muốn gõ lại lần nữa ạ")
    response = client.post(ASK, data)
    assert "Câu hỏi dài tôi không muốn gõ lại lần nữa ạ" in response.text
    assert token_from(response) != data["token"]
    assert 'name="website" value="x"' not in response.text


def test_get_and_head_only_besides_post(client, db):
    assert client.put(ASK).status_code == 405
    assert client.head(ASK).status_code == 200
