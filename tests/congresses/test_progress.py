"""The progress figures agree with the records after every change, and the reader pages show them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congresses import views
from congresses.models import Congress, Organisation
from congresses.selectors import progress_table
from tests.factories import make_congress, make_union

D = datetime.date
TODAY = D(2023, 6, 1)  # after the term's grassroots deadline (31/03/2023)


def figures(term, federation=None):
    table = progress_table(term, today=TODAY)
    row = (
        table.province
        if federation is None
        else next(r for r in table.rows if r.federation == federation)
    )
    return {
        "total": row.total,
        "must_hold": row.must_hold,
        "held": row.held,
        "model": row.model,
        "overdue": row.overdue,
        "percent": row.percent,
    }


def test_figures_follow_every_change(term, tho_xuan, dong_son):
    a1 = make_union(tho_xuan, "Trường A")
    a2 = make_union(tho_xuan, "Trường B")
    b1 = make_union(dong_son, "Xã C")
    # Unions with no congress record must hold one and are overdue after the deadline.
    assert figures(term) == {
        "total": 3, "must_hold": 3, "held": 0, "model": 0, "overdue": 3, "percent": 0.0,
    }  # fmt: skip

    model = make_congress(
        a1, term, kind=Congress.Kind.MODEL, status=Congress.Status.HELD, held_on=D(2022, 11, 8)
    )
    assert figures(term, tho_xuan) == {
        "total": 2, "must_hold": 2, "held": 1, "model": 1, "overdue": 1, "percent": 50.0,
    }  # fmt: skip

    # Planned with a later deadline of its own: not overdue.
    planned = make_congress(a2, term, deadline=D(2023, 9, 30))
    assert figures(term, tho_xuan)["overdue"] == 0

    planned.status = Congress.Status.POSTPONED
    planned.deadline = D(2023, 5, 1)
    planned.save()
    assert figures(term, tho_xuan)["overdue"] == 1

    not_required = make_congress(
        b1,
        term,
        status=Congress.Status.NOT_REQUIRED,
        not_required_reason=Congress.NotRequiredReason.INTERIM_COMMITTEE,
    )
    assert figures(term) == {
        "total": 3, "must_hold": 2, "held": 1, "model": 1, "overdue": 1, "percent": 50.0,
    }  # fmt: skip
    assert figures(term, dong_son) == {
        "total": 1, "must_hold": 0, "held": 0, "model": 0, "overdue": 0, "percent": None,
    }  # fmt: skip

    planned.status = Congress.Status.HELD
    planned.held_on = D(2023, 5, 20)
    planned.deadline = None
    planned.save()
    assert figures(term) == {
        "total": 3, "must_hold": 2, "held": 2, "model": 1, "overdue": 0, "percent": 100.0,
    }  # fmt: skip

    model.delete()
    not_required.delete()
    assert figures(term) == {
        "total": 3, "must_hold": 3, "held": 1, "model": 0, "overdue": 2, "percent": 33.3,
    }  # fmt: skip


def test_figures_count_only_this_terms_congresses_and_existing_unions(term, tho_xuan):
    from congresses.models import Term

    earlier = Term.objects.create(start_year=2018, end_year=2023)
    union = make_union(tho_xuan, "Trường A")
    make_congress(union, earlier, status=Congress.Status.HELD, held_on=D(2018, 1, 5))
    make_union(tho_xuan, "Trường cũ", dissolved_on=D(2020, 6, 30))
    make_union(tho_xuan, "Trường mới", established_on=D(2030, 1, 1))
    assert figures(term) == {
        "total": 1, "must_hold": 1, "held": 0, "model": 0, "overdue": 1, "percent": 0.0,
    }  # fmt: skip


def test_district_congresses_do_not_count_as_grassroots(term, tho_xuan):
    make_congress(tho_xuan, term, ordinal="X", status=Congress.Status.HELD, held_on=D(2023, 6, 1))
    assert figures(term)["held"] == 0
    assert figures(term)["total"] == 0


@pytest.fixture
def district_data(term, tho_xuan, dong_son):
    held = make_union(tho_xuan, "Trường Tiểu học Xuân Lập")
    make_congress(
        held,
        term,
        kind=Congress.Kind.MODEL,
        status=Congress.Status.HELD,
        held_on=D(2022, 11, 8),
        assessment=Congress.Assessment.GOOD,
    )
    make_union(tho_xuan, "Xã Xuân Hòa")  # no record yet
    postponed = make_union(dong_son, "Trường THCS Nhữ Bá Sỹ")
    make_congress(postponed, term, status=Congress.Status.POSTPONED)
    return held


def _figure(html: str, name: str) -> str:
    marker = f'data-figure="{name}">'
    start = html.index(marker) + len(marker)
    return html[start : html.index("<", start)]


def test_progress_page_shows_province_figures_and_a_row_per_district(client, district_data):
    response = client.get(reverse("congresses:progress"))
    assert response.status_code == 200
    html = response.content.decode()
    assert [_figure(html, n) for n in ("total", "must-hold", "held", "model", "overdue")] == [
        "3", "3", "1", "1", "2",
    ]  # fmt: skip
    assert _figure(html, "percent") == "33,3%"
    # Rows in Vietnamese order: Đông Sơn before Thọ Xuân; bars are <meter> elements.
    assert html.index('data-federation="dong-son"') < html.index('data-federation="tho-xuan"')
    assert (
        'value="50.0" aria-label="Tỷ lệ đã tổ chức, Liên đoàn Lao động huyện Thọ Xuân">50,0%</meter>'
        in html
    )
    assert " style=" not in html


def test_progress_filters_narrow_the_union_list(client, district_data):
    url = reverse("congresses:progress")
    response = client.get(url, {"federation": "dong-son", "status": "postponed"})
    names = [u.name for u in response.context["page"].object_list]
    assert names == ["Trường THCS Nhữ Bá Sỹ"]
    assert [row.federation.slug for row in response.context["rows"]] == ["dong-son"]

    response = client.get(url, {"kind": "model"})
    assert [u.name for u in response.context["page"].object_list] == ["Trường Tiểu học Xuân Lập"]

    response = client.get(url, {"status": "planned"})
    assert [u.name for u in response.context["page"].object_list] == ["Xã Xuân Hòa"]


@pytest.mark.parametrize(
    "query",
    [{"status": "bogus"}, {"federation": "khong-co"}, {"kind": "'; drop table"}],
)
def test_progress_bad_filter_is_a_400_not_a_500(client, district_data, query):
    response = client.get(reverse("congresses:progress"), query)
    assert response.status_code == 400
    assert "Bộ lọc không hợp lệ" in response.content.decode()


def test_progress_bad_page_number_shows_the_last_page(client, district_data):
    response = client.get(reverse("congresses:progress"), {"page": "999"})
    assert response.status_code == 200


def test_progress_old_page_parameter_redirects_keeping_the_filters(client, district_data):
    response = client.get("/dai-hoi/?federation=tho-xuan&trang=2")
    assert response.status_code == 301
    assert response["Location"] == "/dai-hoi/?federation=tho-xuan&page=2"


def test_progress_pages_link_with_the_site_page_parameter(client, term, tho_xuan, monkeypatch):
    monkeypatch.setattr(views, "UNIONS_PER_PAGE", 2)
    for number in range(3):
        make_union(tho_xuan, f"Trường số {number}")
    html = client.get("/dai-hoi/", {"federation": "tho-xuan"}).text
    assert (
        '<a class="pagination__link" rel="next" href="?federation=tho-xuan&amp;page=2#danh-sach">'
        in html
    )
    second = client.get("/dai-hoi/", {"federation": "tho-xuan", "page": "2"})
    assert [u.name for u in second.context["page"].object_list] == ["Trường số 2"]


def test_progress_page_without_any_term(client, db):
    response = client.get(reverse("congresses:progress"))
    assert response.status_code == 200
    assert "Chưa có nhiệm kỳ nào được ghi nhận." in response.content.decode()


def _page_queries(client, url) -> int:
    """The page's queries, without the visitor counter's presence refresh (it lands on
    whichever request comes a minute after the last; on a busy machine that is any)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    counter = ("stats_", "set_config", "BEGIN", "COMMIT")
    return sum(not any(m in q["sql"] for m in counter) for q in queries.captured_queries)


@pytest.mark.parametrize("page", ["progress", "federation", "model"])
def test_page_query_count_does_not_grow_with_unions(
    client, term, tho_xuan, page, django_assert_max_num_queries
):
    url = {
        "progress": reverse("congresses:progress"),
        "federation": reverse("congresses:federation", args=["tho-xuan"]),
        "model": reverse("congresses:model-congresses"),
    }[page]

    def add_unions(start, count):
        for number in range(start, start + count):
            union = make_union(tho_xuan, f"Trường số {number}")
            make_congress(
                union,
                term,
                kind=Congress.Kind.MODEL if number % 2 else Congress.Kind.REGULAR,
                status=Congress.Status.HELD,
                held_on=D(2023, 1, 10),
            )

    add_unions(0, 2)
    _page_queries(client, url)  # warm caches shared by the chrome
    few = _page_queries(client, url)
    add_unions(2, 25)
    # Warmed the same way: adding the unions took long enough on a busy machine for
    # short-lived chrome caches to expire, which showed as "growth".
    _page_queries(client, url)
    many = _page_queries(client, url)
    assert many == few
    with django_assert_max_num_queries(12):
        client.get(url)


def test_federation_page_lists_its_unions_with_status(client, district_data):
    response = client.get(reverse("congresses:federation", args=["tho-xuan"]))
    assert response.status_code == 200
    assert [u.name for u in response.context["unions"]] == [
        "Trường Tiểu học Xuân Lập",
        "Xã Xuân Hòa",
    ]
    assert [u.c_status for u in response.context["unions"]] == ["held", "planned"]
    assert response.context["row"].held == 1


def test_unknown_federation_is_404(client, term):
    assert client.get("/dai-hoi/khong-co-don-vi/").status_code == 404


def test_congress_page_shows_details(client, district_data):
    congress = district_data.congresses.get()
    response = client.get(congress.get_absolute_url())
    assert congress.get_absolute_url() == f"/dai-hoi/tho-xuan/{congress.pk}/"
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đại hội Trường Tiểu học Xuân Lập" in html
    assert "Hoàn thành tốt" in html
    assert "08/11/2022" in html


def test_congress_page_under_the_wrong_federation_redirects_or_404s(client, district_data):
    congress = district_data.congresses.get()
    response = client.get(f"/dai-hoi/dong-son/{congress.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/dai-hoi/tho-xuan/{congress.pk}/"
    assert client.get(f"/dai-hoi/khong-co/{congress.pk}/").status_code == 404
    assert client.get("/dai-hoi/tho-xuan/999999/").status_code == 404


def test_model_congress_list(client, district_data):
    response = client.get(reverse("congresses:model-congresses"))
    assert [c.organisation.name for c in response.context["congresses"]] == [
        "Trường Tiểu học Xuân Lập"
    ]


def test_district_and_province_congresses_are_listed_with_status(client, term, province, tho_xuan):
    make_congress(tho_xuan, term, ordinal="X", form=Congress.Form.DELEGATES)
    make_congress(province, term, ordinal="XX", status=Congress.Status.HELD, held_on=D(2023, 9, 20))
    html = client.get(reverse("congresses:progress")).content.decode()
    assert "Đại hội XX Liên đoàn Lao động tỉnh Thanh Hóa</a>, nhiệm kỳ 2023–2028" in html
    assert "Đại hội X Liên đoàn Lao động huyện Thọ Xuân</a>" in html
    assert html.index("Đại hội XX") < html.index("Đại hội X Liên")


def test_dissolved_union_keeps_its_place_in_the_term_it_existed(term, tho_xuan):
    union = make_union(tho_xuan, "Trường sáp nhập", dissolved_on=D(2025, 7, 1))
    assert Organisation.objects.active_in(term).filter(pk=union.pk).exists()


def test_progress_report_downloads_with_the_date_it_was_made(client, db):
    from io import BytesIO

    from django.utils import timezone
    from openpyxl import load_workbook

    from congresses.models import Term

    term = Term.objects.create(start_year=2023, end_year=2028, is_current=True)
    province = Organisation.objects.create(
        name="LĐLĐ tỉnh", code="TINH", level=Organisation.Level.PROVINCE
    )
    federation = Organisation.objects.create(
        name='=HYPERLINK("x")',
        code="TX",
        parent=province,
        level=Organisation.Level.FEDERATION,
        federation_kind=Organisation.FederationKind.DISTRICT,
    )
    for n in range(3):
        Organisation.objects.create(
            name=f"Xã {n}", parent=federation, level="grassroots", grassroots_type="commune"
        )
    response = client.get("/dai-hoi/tien-do.xlsx")
    assert response.status_code == 200
    today = timezone.localdate()
    assert response["Content-Disposition"] == (
        f'attachment; filename="tien-do-dai-hoi-{today:%Y-%m-%d}.xlsx"'
    )
    sheet = load_workbook(BytesIO(response.content)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == f"Tiến độ đại hội công đoàn cơ sở, nhiệm kỳ {term}"
    assert rows[1][:2] == ["Số liệu đến ngày", datetime.datetime.combine(today, datetime.time())]
    assert sheet["B2"].number_format == "dd/mm/yyyy"
    assert rows[3] == [
        "Đơn vị",
        "Tổng số CĐCS",
        "Phải tổ chức",
        "Đã tổ chức",
        "Đại hội điểm",
        "Quá hạn",
        "Tỷ lệ đã tổ chức (%)",
    ]
    assert rows[4] == ['\'=HYPERLINK("x")', 3, 3, 0, 0, 0, 0.0]
    assert rows[5] == ["Toàn tỉnh", 3, 3, 0, 0, 0, 0.0]
    assert client.post("/dai-hoi/tien-do.xlsx").status_code == 405
