"""Fill a benchmark database with a provincial archive's volume (bench only, never production).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/unionsite_growth \\
        .venv/bin/python bench/fill_volume.py --articles 10000 [--unions 3000]

Runs ``seed_demo`` first, then adds published articles until the database holds
``--articles`` of them, and grassroots unions across 27 district federations (with their
2023–2028 congresses) until there are ``--unions``. Idempotent: running it again with the same
numbers adds nothing; a larger number adds the difference.

Through the models' own rules, in bulk: every article goes through
``Article.fill_derived_fields`` (nh3-sanitised body, folded search title, byline + tags and
text; on PostgreSQL the search trigger writes the weighted vector) and gets a slug from
``vn_slugify``; every union gets its Vietnamese sort key and slug as ``Organisation.save()``
makes them; every congress passes ``full_clean()``'s rules by construction (held ones have a
date, model congresses are grassroots). Bodies are ~3,000 characters of Vietnamese built
from sentences of the kind the federation publishes, with a fixed random seed, so two runs
of the same size produce the same archive.
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings")

DISTRICTS = [
    "Thọ Xuân", "Đông Sơn", "Triệu Sơn", "Hoằng Hóa", "Hậu Lộc", "Nga Sơn", "Hà Trung",
    "Vĩnh Lộc", "Yên Định", "Thiệu Hóa", "Quảng Xương", "Nông Cống", "Tĩnh Gia", "Như Thanh",
    "Như Xuân", "Thường Xuân", "Lang Chánh", "Ngọc Lặc", "Cẩm Thủy", "Thạch Thành", "Bá Thước",
    "Quan Hóa", "Quan Sơn", "Mường Lát", "Sầm Sơn", "Bỉm Sơn", "Nghi Sơn",
]  # fmt: skip
UNIT_KINDS = [
    ("Trường Mầm non", "school"), ("Trường Tiểu học", "school"), ("Trường THCS", "school"),
    ("Xã", "commune"), ("Công ty TNHH", "enterprise"), ("Công ty Cổ phần", "enterprise"),
    ("Phòng", "state_agency"), ("Trạm Y tế xã", "state_agency"),
]  # fmt: skip
PLACES = [
    "Xuân Lập", "Lam Sơn", "Thọ Lập", "Bắc Lương", "Xuân Hòa", "Đông Hòa", "Dân Lực", "Nưa",
    "Hoằng Quỳ", "Ngư Lộc", "Nga Điền", "Hà Long", "Vĩnh Hùng", "Định Tăng", "Thiệu Đô",
    "Quảng Ninh", "Tế Lợi", "Hải Bình", "Hải An", "Xuân Du", "Bãi Trành", "Ngọc Phụng",
    "Yên Khương", "Ngọc Khê", "Cẩm Tú", "Thành Vân", "Lũng Niêm", "Hồi Xuân", "Trung Lý",
]  # fmt: skip
TOPICS = [
    "Đại hội công đoàn cơ sở", "Tháng Công nhân", "An toàn vệ sinh lao động", "Mái ấm công đoàn",
    "Tết Sum vầy", "Thỏa ước lao động tập thể", "Đối thoại tại nơi làm việc", "Phúc lợi đoàn viên",
    "Tập huấn nghiệp vụ công đoàn", "Phát triển đoàn viên", "Chăm lo đời sống người lao động",
    "Hội thao công nhân viên chức", "Bảo hiểm xã hội", "Tiền lương tối thiểu vùng",
]  # fmt: skip
SENTENCES = [
    "Đại hội đã thảo luận, đánh giá kết quả thực hiện nghị quyết nhiệm kỳ qua và đề ra phương hướng, mục tiêu, nhiệm vụ cho nhiệm kỳ mới.",
    "Ban Chấp hành công đoàn cơ sở đã chủ động phối hợp với chuyên môn chăm lo việc làm, thu nhập và điều kiện làm việc cho đoàn viên.",
    "Liên đoàn Lao động huyện đã chỉ đạo các công đoàn cơ sở xây dựng kế hoạch, chuẩn bị chu đáo nội dung văn kiện và nhân sự.",
    "Người lao động được tuyên truyền, phổ biến các quy định mới của Bộ luật Lao động và Luật Công đoàn năm 2024.",
    "Chương trình đã trao tặng quà cho đoàn viên có hoàn cảnh khó khăn, công nhân lao động bị tai nạn lao động.",
    "Đồng chí Chủ tịch Liên đoàn Lao động tỉnh ghi nhận, biểu dương những kết quả mà tập thể cán bộ, đoàn viên đã đạt được.",
    "Hội nghị đại biểu cán bộ, công chức, viên chức được tổ chức dân chủ, công khai, đúng quy định.",
    "Phong trào thi đua lao động giỏi, lao động sáng tạo được triển khai sâu rộng với nhiều sáng kiến làm lợi hàng trăm triệu đồng.",
    "Công đoàn đã tổ chức đối thoại định kỳ với người sử dụng lao động, giải quyết kịp thời các kiến nghị chính đáng.",
    "Tỷ lệ đoàn viên tham gia sinh hoạt đạt trên chín mươi phần trăm, không có tranh chấp lao động tập thể xảy ra.",
    "Đại hội đã bầu Ban Chấp hành nhiệm kỳ 2023 – 2028 và bầu đại biểu dự Đại hội Công đoàn cấp trên.",
    "Các đại biểu tập trung thảo luận các giải pháp nâng cao chất lượng hoạt động công đoàn trong tình hình mới.",
    "Công tác kiểm tra, giám sát của công đoàn được duy trì thường xuyên, góp phần bảo đảm tài chính minh bạch.",
    "Nhân dịp này, Liên đoàn Lao động huyện đã trao giấy khen cho các tập thể và cá nhân có thành tích xuất sắc.",
    "Việc thực hiện quy chế dân chủ ở cơ sở được quan tâm, người lao động được biết, được bàn và được kiểm tra.",
]  # fmt: skip
BYLINES = ["Doãn Giang", "Lê Thị Hương", "Nguyễn Văn Hải", "Trịnh Minh Đức", "Phạm Thu Trang", ""]


def article_text(rng: random.Random, n: int) -> tuple[str, str, str]:
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    district = rng.choice(DISTRICTS)
    title = f"{topic} tại {place}, huyện {district} (bài {n})"
    summary = f"{rng.choice(SENTENCES)} {rng.choice(SENTENCES)}"
    paragraphs, length = [], 0
    while length < 3000:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(3))
        paragraph = paragraph.replace("huyện", f"huyện {district}", 1)
        paragraphs.append(f"<p>{paragraph}</p>")
        length += len(paragraph)
    return title, summary, "".join(paragraphs)


def fill_articles(target: int, rng: random.Random, log) -> int:
    from django.utils import timezone

    from news.models import Article, Category, Tag
    from unionsite.text import vn_slugify

    published = Article.objects.published().count()
    if published >= target:
        return 0
    categories = list(Category.objects.all())
    tags = list(Tag.objects.all())
    for name in TOPICS + [f"Huyện {d}" for d in DISTRICTS]:
        if not any(t.name == name for t in tags):
            tags.append(Tag.objects.create(name=name))
    now = timezone.now()
    ten_years = 10 * 365 * 24 * 3600
    through_c, through_t = Article.categories.through, Article.tags.through
    added, batch = 0, 500
    start = Article.objects.order_by("-id").values_list("id", flat=True).first() or 0
    while published + added < target:
        size = min(batch, target - published - added)
        rows, chosen = [], []
        for i in range(size):
            n = start + added + i + 1
            title, summary, body = article_text(rng, n)
            article_tags = rng.sample(tags, rng.randint(1, 3))
            article = Article(
                title=title,
                slug=vn_slugify(title, max_length=190),
                summary=summary,
                body=body,
                byline=rng.choice(BYLINES),
                status=Article.Status.PUBLISHED,
                publish_at=now - datetime.timedelta(seconds=rng.randint(3600, ten_years)),
                featured=rng.random() < 0.01,
                view_count=rng.randint(0, 5000),
            )
            article.fill_derived_fields(tag_names=[t.name for t in article_tags])
            rows.append(article)
            chosen.append((rng.sample(categories, rng.randint(1, 2)), article_tags))
        created = Article.objects.bulk_create(rows)
        through_c.objects.bulk_create(
            through_c(article_id=a.pk, category_id=c.pk)
            for a, (cats, _) in zip(created, chosen, strict=True)
            for c in cats
        )
        through_t.objects.bulk_create(
            through_t(article_id=a.pk, tag_id=t.pk)
            for a, (_, ts) in zip(created, chosen, strict=True)
            for t in ts
        )
        added += size
        log(f"articles: {published + added}/{target}")
    return added


def fill_unions(target: int, rng: random.Random, log) -> int:
    from congresses.collation import vietnamese_sort_string
    from congresses.models import Congress, Organisation, Term
    from unionsite.text import vn_slugify

    grassroots = Organisation.objects.grassroots()
    existing = grassroots.count()
    province = Organisation.objects.get(level=Organisation.Level.PROVINCE)
    term = Term.objects.get(is_current=True)
    federations = []
    for district in DISTRICTS:
        name = f"Liên đoàn Lao động huyện {district}"
        federation = Organisation.objects.filter(parent=province, name=name).first()
        if federation is None:
            federation = Organisation(
                parent=province,
                name=name,
                level=Organisation.Level.FEDERATION,
                federation_kind=Organisation.FederationKind.DISTRICT,
                code=vn_slugify(district).replace("-", "").upper(),
            )
            federation.full_clean()
            federation.save()
        federations.append(federation)
    units, n = [], existing
    while existing + len(units) < target:
        n += 1
        federation = federations[n % len(federations)]
        prefix, kind = rng.choice(UNIT_KINDS)
        name = f"{prefix} {rng.choice(PLACES)} số {n}"
        units.append(
            Organisation(
                parent=federation,
                name=name,
                slug=f"{vn_slugify(name, max_length=180)}-{federation.pk}",
                sort_key=vietnamese_sort_string(name),
                level=Organisation.Level.GRASSROOTS,
                grassroots_type=kind,
                member_count=rng.randint(8, 900),
            )
        )
    created = Organisation.objects.bulk_create(units, batch_size=500)
    start, _end = term.window
    congresses = []
    for union in grassroots.exclude(congresses__term=term).order_by("pk"):
        status = rng.choices(
            [Congress.Status.HELD, Congress.Status.PLANNED, Congress.Status.POSTPONED],
            weights=[70, 25, 5],
        )[0]
        held_on = start + datetime.timedelta(days=rng.randint(0, 400)) if status == "held" else None
        congresses.append(
            Congress(
                organisation=union,
                term=term,
                level=Congress.Level.GRASSROOTS,
                kind=Congress.Kind.MODEL if rng.random() < 0.03 else Congress.Kind.REGULAR,
                status=status,
                held_on=held_on,
            )
        )
    Congress.objects.bulk_create(congresses, batch_size=500)
    log(f"unions: {existing + len(created)} grassroots unions, {len(congresses)} congresses added")
    return len(created)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--unions", type=int, default=3000)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    def log(message):
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    rng = random.Random(f"growth-{args.articles}")  # noqa: S311 - reproducible filler text
    fill_articles(args.articles, rng, log)
    fill_unions(args.unions, rng, log)
    # Bulk writes send no signals: start new cache versions by hand.
    cache.clear()
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
