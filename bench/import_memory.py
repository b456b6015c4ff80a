"""Peak memory of one worker importing a congress spreadsheet (the admin's preview path).

    DEBUG=1 DATABASE_URL=postgres://... .venv/bin/python bench/import_memory.py bomb
    DEBUG=1 DATABASE_URL=postgres://... .venv/bin/python bench/import_memory.py rows [3000]

Each run is its own process, so ``ru_maxrss`` is that file's peak. ``bomb``: a 5 KB .xlsx whose
sheet declares A1:XFD1048576. ``rows``: a real file of N unions (default 3,000) for one
federation, imported as a dry run into a federation that already holds those unions (inside
a transaction that is rolled back). Prints the resident size before reading, the peak, and
the answer (refusal message or row counts).
"""

import os
import re
import resource
import sys
import time
import zipfile
from io import BytesIO

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings")
django.setup()

from django.db import transaction  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from congresses.models import Congress, Organisation, Term  # noqa: E402
from congresses.resources import CongressResource  # noqa: E402
from congresses.services import ImportFileError, import_congresses  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def workbook(rows: list[dict]) -> bytes:
    headers = CongressResource().get_export_headers()
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def bomb() -> bytes:
    content = workbook([{"Tên đơn vị": "Xã A", "Nhiệm kỳ": "2023-2028"}])
    source = zipfile.ZipFile(BytesIO(content))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:XFD1048576"', data)
            target.writestr(info.filename, data)
    return buffer.getvalue()


def main() -> None:
    kind = sys.argv[1] if len(sys.argv) > 1 else "bomb"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    with transaction.atomic():
        term, _ = Term.objects.get_or_create(start_year=2023, end_year=2028)
        province = Organisation.objects.create(
            name="Bench tỉnh", code="BENCHTINH", level=Organisation.Level.PROVINCE
        )
        federation = Organisation.objects.create(
            name="Bench huyện",
            code="BENCHHUYEN",
            parent=province,
            level=Organisation.Level.FEDERATION,
            federation_kind=Organisation.FederationKind.DISTRICT,
        )
        if kind == "bomb":
            content = bomb()
        else:
            unions = Organisation.objects.bulk_create(
                Organisation(
                    name=f"Trường Tiểu học Bench {n}",
                    slug=f"bench-{n}",
                    sort_key=f"bench {n}",
                    parent=federation,
                    level=Organisation.Level.GRASSROOTS,
                    grassroots_type="school",
                )
                for n in range(count)
            )
            Congress.objects.bulk_create(Congress(organisation=u, term=term) for u in unions)
            content = workbook(
                [
                    {
                        "Mã LĐLĐ cấp trên": "BENCHHUYEN",
                        # As district files type them: prefix, abbreviation, other case.
                        "Tên đơn vị": f"CĐCS Trường TH bench {n}",
                        "Loại hình": "Trường học",
                        "Số đoàn viên": 20 + n % 40,
                        "Nhiệm kỳ": "2023-2028",
                        "Tình trạng": "Đã tổ chức",
                        "Ngày tổ chức": f"{1 + n % 28:02d}/02/2023",
                        "Số đại biểu triệu tập": 30,
                        "Số đại biểu có mặt": 28,
                        "Chủ tịch được bầu": f"Nguyễn Văn {n}",
                    }
                    for n in range(count)
                ]
            )
        before = peak_mb()
        started = time.monotonic()
        try:
            report = import_congresses(content=content, filename=f"{kind}.xlsx", dry_run=True)
            answer = (
                f"{report.total_rows} dòng: {report.new} mới, {report.updated} cập nhật, "
                f"{report.skipped} không đổi, {len(report.errors)} lỗi"
            )
        except ImportFileError as exc:
            answer = f"từ chối: {exc}"
        elapsed = time.monotonic() - started
        transaction.set_rollback(True)
    print(f"file: {kind}, {len(content) / 1024:.1f} KB")
    print(
        f"peak RSS before import: {before:.0f} MB; after: {peak_mb():.0f} MB "
        f"(+{peak_mb() - before:.0f} MB) in {elapsed:.1f} s"
    )
    print(answer)


if __name__ == "__main__":
    main()
