"""Demo congresses for the 2023–2028 term, from the Thọ Xuân article on the seed page.

The province federation; Thọ Xuân with its three model congresses (held in November 2022,
assessed "hoàn thành tốt", linked to the Thọ Xuân article when the news demo has created it)
and regular congresses in every state; the district congress X (planned) and the province
congress XX; the three guiding documents; and two more districts so the progress table shows
variety. Names other than those in the article are illustrative. Running ``seed`` again changes
nothing: records are looked up by their natural keys and existing ones are left as editors
left them.
"""

import datetime

from news import demo as news_demo
from news.models import Article
from unionsite.demo import demo_staff_account

from .models import Congress, GuidingDocument, Organisation, StaffAssignment, Term
from .permissions import DISTRICT_STAFF_GROUP

# The local Thọ Xuân officer (debug only), named in README "Thử với vai biên tập viên / cán bộ LĐLĐ huyện".
OFFICER_USERNAME = "canbo-thoxuan"
OFFICER_PASSWORD = "thoxuan-thanhhoa"  # noqa: S105  (local trial account, debug only)

D = datetime.date
HELD, PLANNED, POSTPONED, NOT_REQUIRED = (
    Congress.Status.HELD,
    Congress.Status.PLANNED,
    Congress.Status.POSTPONED,
    Congress.Status.NOT_REQUIRED,
)
SCHOOL, COMMUNE, ENTERPRISE, AGENCY = (
    Organisation.GrassrootsType.SCHOOL,
    Organisation.GrassrootsType.COMMUNE,
    Organisation.GrassrootsType.ENTERPRISE,
    Organisation.GrassrootsType.STATE_AGENCY,
)

PROVINCE = {"name": "Liên đoàn Lao động tỉnh Thanh Hóa", "code": "THANHHOA", "slug": "thanh-hoa"}
FEDERATIONS = [
    {"name": "Liên đoàn Lao động huyện Thọ Xuân", "code": "THOXUAN", "slug": "tho-xuan"},
    {"name": "Liên đoàn Lao động huyện Đông Sơn", "code": "DONGSON", "slug": "dong-son"},
    {"name": "Liên đoàn Lao động huyện Triệu Sơn", "code": "TRIEUSON", "slug": "trieu-son"},
]
DOCUMENTS = [
    {
        "number": "562-CV/HU",
        "issued_on": D(2022, 3, 24),
        "issuer": "Huyện ủy Thọ Xuân",
        "title": "Lãnh đạo, chỉ đạo Đại hội Công đoàn cấp cơ sở và cấp huyện, nhiệm kỳ 2023 – 2028",
    },
    {
        "number": "61/KH-LĐLĐ",
        "issued_on": D(2022, 4, 5),
        "issuer": "Liên đoàn Lao động tỉnh Thanh Hóa",
        "title": "Tổ chức Đại hội Công đoàn cơ sở",
    },
    {
        "number": "185/KH-LĐLĐ",
        "issued_on": D(2022, 10, 19),
        "issuer": "Ban Thường vụ Liên đoàn Lao động huyện Thọ Xuân",
        "title": "Tổ chức Đại hội điểm Công đoàn cơ sở nhiệm kỳ 2023 – 2028",
    },
]
MOTTO = "Đổi mới - Dân chủ - Đoàn kết - Phát triển"

# (name, type, members, congress fields)
THO_XUAN_MODEL = [
    ("Trường Tiểu học Xuân Lập", SCHOOL, 34, {"held_on": D(2022, 11, 8), "executive_seats": 5}),
    ("Trường THCS Lê Thánh Tông", SCHOOL, 41, {"held_on": D(2022, 11, 18), "executive_seats": 5}),
    ("Thị trấn Lam Sơn", COMMUNE, 27, {"held_on": D(2022, 11, 29), "executive_seats": 3}),
]
THO_XUAN_REGULAR = [
    ("Trường Mầm non Xuân Lập", SCHOOL, 22, {"status": HELD, "held_on": D(2023, 1, 10)}),
    ("Trường Tiểu học Lam Sơn", SCHOOL, 30, {"status": HELD, "held_on": D(2023, 1, 12)}),
    ("Trường THPT Lê Lợi", SCHOOL, 78, {"status": HELD, "held_on": D(2023, 2, 15)}),
    ("Xã Xuân Hòa", COMMUNE, 25, {"status": HELD, "held_on": D(2023, 2, 20)}),
    ("Xã Thọ Lập", COMMUNE, 21, {"status": HELD, "held_on": D(2023, 3, 3)}),
    ("Xã Bắc Lương", COMMUNE, 19, {"status": HELD, "held_on": D(2023, 3, 8)}),
    ("Thị trấn Thọ Xuân", COMMUNE, 36, {"status": HELD, "held_on": D(2023, 3, 14)}),
    ("Kho bạc Nhà nước Thọ Xuân", AGENCY, 18, {"status": HELD, "held_on": D(2023, 3, 21)}),
    (
        "Công ty Cổ phần Mía đường Lam Sơn",
        ENTERPRISE,
        640,
        {"status": HELD, "held_on": D(2023, 3, 28), "form": Congress.Form.DELEGATES},
    ),
    ("Phòng Giáo dục và Đào tạo Thọ Xuân", AGENCY, 15, {"status": PLANNED}),
    ("Xã Ánh Sơn", COMMUNE, 17, {"status": PLANNED, "planned_on": D(2023, 3, 30)}),
    (
        "Công ty TNHH Giày Thọ Xuân",
        ENTERPRISE,
        420,
        {"status": POSTPONED, "notes": "Hoãn vì doanh nghiệp thay đổi người đại diện."},
    ),
    (
        "Công ty TNHH May Xuân Lập",
        ENTERPRISE,
        12,
        {"status": NOT_REQUIRED, "not_required_reason": "interim_committee"},
    ),
    (
        "Hợp tác xã Dịch vụ Nông nghiệp Thọ Hải",
        ENTERPRISE,
        9,
        {"status": NOT_REQUIRED, "not_required_reason": "dissolved"},
    ),
]
OTHER_DISTRICTS = {
    "DONGSON": [
        ("Trường THCS Nhữ Bá Sỹ", SCHOOL, 38, {"status": HELD, "held_on": D(2023, 2, 9)}),
        ("Thị trấn Rừng Thông", COMMUNE, 24, {"status": HELD, "held_on": D(2023, 3, 1)}),
        ("Xã Đông Hòa", COMMUNE, 18, {"status": HELD, "held_on": D(2023, 3, 16)}),
        ("Bệnh viện Đa khoa huyện Đông Sơn", AGENCY, 160, {"status": PLANNED}),
        ("Công ty TNHH Ống thép Đông Sơn", ENTERPRISE, 95, {"status": POSTPONED}),
        (
            "Ủy ban nhân dân xã Đông Anh",
            AGENCY,
            14,
            {"status": NOT_REQUIRED, "not_required_reason": "merged"},
        ),
    ],
    "TRIEUSON": [
        ("Trường Tiểu học Dân Lực", SCHOOL, 29, {"status": HELD, "held_on": D(2023, 1, 17)}),
        ("Trường THPT Triệu Sơn 1", SCHOOL, 84, {"status": HELD, "held_on": D(2023, 2, 22)}),
        ("Xã Dân Quyền", COMMUNE, 20, {"status": HELD, "held_on": D(2023, 3, 9)}),
        ("Thị trấn Nưa", COMMUNE, 31, {"status": HELD, "held_on": D(2023, 3, 24)}),
        ("Công ty Cổ phần Giày Triệu Sơn", ENTERPRISE, 1200, {"status": PLANNED}),
    ],
}


def _write(stdout, message):
    if stdout:
        stdout.write(message)


def _organisation(*, parent, name, code="", slug="", **fields) -> Organisation:
    organisation = Organisation.objects.filter(parent=parent, name=name).first()
    if organisation is None:
        organisation = Organisation(parent=parent, name=name, code=code, slug=slug, **fields)
        organisation.full_clean()
        organisation.save()
    return organisation


def _congress(*, organisation, term, documents=(), article=None, **fields) -> Congress:
    congress = Congress.objects.filter(organisation=organisation, term=term).first()
    if congress is None:
        congress = Congress(
            organisation=organisation,
            term=term,
            level=Congress.LEVEL_FOR_ORGANISATION[organisation.level],
            **fields,
        )
        congress.full_clean()
        congress.save()
        congress.guiding_documents.set(documents)
    if article is not None and congress.article_id is None:
        congress.article = article
        congress.save(update_fields=["article", "updated_at"])
    return congress


def _tho_xuan_article():
    slug = getattr(news_demo, "THO_XUAN_SLUG", None)
    return Article.objects.filter(slug=slug).first() if slug else None


def seed(*, stdout=None) -> None:
    """Create the demo term, organisations, documents and congresses (idempotent)."""
    term = Term.objects.filter(start_year=2023, end_year=2028).first()
    if term is None:
        term = Term.objects.create(
            start_year=2023,
            end_year=2028,
            is_current=not Term.objects.filter(is_current=True).exists(),
            grassroots_deadline=D(2023, 3, 31),
        )
    documents = {}
    for data in DOCUMENTS:
        document, _ = GuidingDocument.objects.get_or_create(
            number=data["number"], issued_on=data["issued_on"], defaults=data
        )
        document.terms.add(term)
        documents[data["number"]] = document

    province = _organisation(parent=None, level=Organisation.Level.PROVINCE, **PROVINCE)
    federations = {
        data["code"]: _organisation(
            parent=province,
            level=Organisation.Level.FEDERATION,
            federation_kind=Organisation.FederationKind.DISTRICT,
            **data,
        )
        for data in FEDERATIONS
    }
    tho_xuan = federations["THOXUAN"]
    article = _tho_xuan_article()
    plan_documents = [documents["61/KH-LĐLĐ"], documents["562-CV/HU"]]

    for name, kind, members, fields in THO_XUAN_MODEL:
        union = _organisation(
            parent=tho_xuan,
            name=name,
            level=Organisation.Level.GRASSROOTS,
            grassroots_type=kind,
            member_count=members,
        )
        _congress(
            organisation=union,
            term=term,
            kind=Congress.Kind.MODEL,
            status=HELD,
            delegates_summoned=members,
            delegates_attending=members - 2,
            inspection_committee_elected=False,
            assessment=Congress.Assessment.GOOD,
            motto=MOTTO,
            documents=[*plan_documents, documents["185/KH-LĐLĐ"]],
            article=article,
            **fields,
        )
    regular = [("THOXUAN", row) for row in THO_XUAN_REGULAR] + [
        (code, row) for code, rows in OTHER_DISTRICTS.items() for row in rows
    ]
    for code, (name, kind, members, fields) in regular:
        union = _organisation(
            parent=federations[code],
            name=name,
            level=Organisation.Level.GRASSROOTS,
            grassroots_type=kind,
            member_count=members,
        )
        extra = {}
        if fields.get("status") == HELD:
            extra = {
                "delegates_summoned": min(members, 150),
                "delegates_attending": min(members, 150) - 1,
                "assessment": Congress.Assessment.DONE,
                "motto": MOTTO,
            }
        _congress(organisation=union, term=term, documents=plan_documents, **extra, **fields)

    _congress(
        organisation=tho_xuan,
        term=term,
        ordinal="X",
        form=Congress.Form.DELEGATES,
        status=PLANNED,
        motto=MOTTO,
        documents=plan_documents,
    )
    _congress(
        organisation=province,
        term=term,
        ordinal="XX",
        form=Congress.Form.DELEGATES,
        status=PLANNED,
        documents=[documents["61/KH-LĐLĐ"]],
    )
    officer = demo_staff_account(
        username=OFFICER_USERNAME,
        password=OFFICER_PASSWORD,
        group=DISTRICT_STAFF_GROUP,
        full_name="Cán bộ Thọ Xuân",
        stdout=stdout,
    )
    if officer is not None:
        StaffAssignment.objects.get_or_create(user=officer, defaults={"organisation": tho_xuan})
    _write(
        stdout,
        f"Đại hội công đoàn: nhiệm kỳ {term}, {Organisation.objects.count()} tổ chức, "
        f"{Congress.objects.count()} đại hội"
        + (", liên kết bài Thọ Xuân" if article else ", chưa có bài Thọ Xuân để liên kết"),
    )
