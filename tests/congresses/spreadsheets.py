"""Build and read .xlsx files in tests."""

from io import BytesIO

from openpyxl import Workbook, load_workbook

from congresses.resources import CongressResource

HEADERS = CongressResource().get_export_headers()


def xlsx(rows: list[dict], headers: list[str] | None = None) -> bytes:
    headers = headers or HEADERS
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_xlsx(content: bytes) -> list[dict]:
    sheet = load_workbook(BytesIO(content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    return [dict(zip(headers, row, strict=False)) for row in rows[1:]]
