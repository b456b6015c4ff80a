"""Each validation rule gives a clear Vietnamese message, and the database refuses the same."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from congresses.models import Congress, Organisation
from tests.factories import make_congress, make_union

D = datetime.date


def errors_of(congress) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        congress.full_clean()
    return caught.value.message_dict


@pytest.fixture
def union(tho_xuan):
    return make_union(tho_xuan, "Trường Tiểu học Xuân Lập")


def test_attending_more_than_summoned_is_refused(union, term):
    congress = Congress(
        organisation=union, term=term, delegates_summoned=30, delegates_attending=31
    )
    assert errors_of(congress) == {
        "delegates_attending": ["Số đại biểu có mặt (31) không thể lớn hơn số triệu tập (30)."]
    }


def test_attending_more_than_summoned_is_refused_by_the_database(union, term):
    with pytest.raises(IntegrityError), transaction.atomic():
        Congress.objects.create(
            organisation=union, term=term, delegates_summoned=30, delegates_attending=31
        )


def test_held_without_date_is_refused(union, term):
    congress = Congress(organisation=union, term=term, status=Congress.Status.HELD)
    assert errors_of(congress) == {"held_on": ["Đại hội đã tổ chức phải có ngày tổ chức."]}
    with pytest.raises(IntegrityError), transaction.atomic():
        congress.save()


def test_date_without_held_status_is_refused(union, term):
    congress = Congress(organisation=union, term=term, held_on=D(2023, 1, 5))
    assert errors_of(congress) == {"status": ["Đã có ngày tổ chức: chọn tình trạng “Đã tổ chức”."]}


def test_second_congress_in_the_same_term_is_refused(union, term):
    make_congress(union, term)
    duplicate = Congress(organisation=union, term=term)
    assert errors_of(duplicate) == {"__all__": ["Đơn vị này đã có đại hội trong nhiệm kỳ này."]}
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_model_congress_only_at_grassroots_level(tho_xuan, term):
    congress = Congress(
        organisation=tho_xuan, term=term, level=Congress.Level.DISTRICT, kind=Congress.Kind.MODEL
    )
    assert errors_of(congress) == {"kind": ["Đại hội điểm chỉ có ở cấp cơ sở."]}
    with pytest.raises(IntegrityError), transaction.atomic():
        congress.save()


def test_level_must_match_the_organisation(union, term):
    congress = Congress(organisation=union, term=term, level=Congress.Level.DISTRICT)
    assert errors_of(congress)["level"] == [
        "Đơn vị “Trường Tiểu học Xuân Lập” là Công đoàn cơ sở: cấp đại hội phải là “Cơ sở”."
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [("held_on", D(2021, 12, 31)), ("planned_on", D(2029, 1, 1)), ("deadline", D(2030, 5, 1))],
)
def test_dates_outside_the_term_window_are_refused(union, term, field, value):
    fields = {field: value}
    if field == "held_on":
        fields["status"] = Congress.Status.HELD
    congress = Congress(organisation=union, term=term, **fields)
    message = errors_of(congress)[field][0]
    assert f"{value:%d/%m/%Y} nằm ngoài khoảng thời gian của nhiệm kỳ 2023–2028" in message
    assert "(từ 01/01/2022 đến 31/12/2028)" in message


def test_model_congress_in_the_year_before_the_term_is_accepted(union, term):
    congress = make_congress(
        union,
        term,
        kind=Congress.Kind.MODEL,
        status=Congress.Status.HELD,
        held_on=D(2022, 11, 18),
    )
    assert congress.pk is not None


def test_held_date_in_the_future_is_refused(union, term):
    congress = Congress(
        organisation=union, term=term, status=Congress.Status.HELD, held_on=D(2028, 12, 1)
    )
    today = datetime.date.today()
    if today < D(2028, 12, 1):
        assert errors_of(congress) == {"held_on": ["Ngày tổ chức không thể ở tương lai."]}


def test_not_required_needs_a_reason(union, term):
    congress = Congress(organisation=union, term=term, status=Congress.Status.NOT_REQUIRED)
    assert errors_of(congress) == {
        "not_required_reason": ["Ghi lý do đơn vị không phải tổ chức đại hội."]
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        congress.save()


def test_grassroots_union_must_sit_under_a_federation(province, tho_xuan):
    union = Organisation(
        name="CĐCS lạc chỗ",
        level=Organisation.Level.GRASSROOTS,
        grassroots_type=Organisation.GrassrootsType.OTHER,
        parent=province,
    )
    with pytest.raises(ValidationError) as caught:
        union.full_clean()
    assert caught.value.message_dict["parent"] == [
        "Công đoàn cơ sở phải thuộc một công đoàn cấp trên trực tiếp."
    ]


def test_dissolved_before_established_is_refused(tho_xuan):
    union = Organisation(
        name="CĐCS A",
        level=Organisation.Level.GRASSROOTS,
        grassroots_type=Organisation.GrassrootsType.OTHER,
        parent=tho_xuan,
        established_on=D(2020, 1, 1),
        dissolved_on=D(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as caught:
        union.full_clean()
    assert caught.value.message_dict["dissolved_on"] == [
        "Ngày giải thể không thể trước ngày thành lập."
    ]


def test_slug_never_takes_a_section_page_address(province):
    federation = Organisation.objects.create(
        name="Đại hội điểm",
        parent=province,
        level=Organisation.Level.FEDERATION,
        federation_kind=Organisation.FederationKind.SECTOR,
    )
    assert federation.slug == "dai-hoi-diem-don-vi"
