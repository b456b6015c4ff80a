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


def rewrite_xlsx(content: bytes, **parts: object) -> bytes:
    """The same .xlsx with some zip members replaced: ``parts`` maps a member name (slashes
    written as ``__``) to new bytes or to a function of the old bytes."""
    import zipfile

    wanted = {name.replace("__", "/"): value for name, value in parts.items()}
    source = zipfile.ZipFile(BytesIO(content))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in wanted:
                value = wanted.pop(info.filename)
                data = value(data) if callable(value) else value
            target.writestr(info.filename, data)
        for name, value in wanted.items():
            target.writestr(name, value if isinstance(value, bytes) else value(b""))
    return buffer.getvalue()


def dimension_bomb(ref: str = "A1:XFD1048576") -> bytes:
    """A few-kilobyte .xlsx whose sheet declares ``ref`` as its size."""
    import re

    content = xlsx([{"Tên đơn vị": "Xã A", "Nhiệm kỳ": "2023-2028"}])
    return rewrite_xlsx(
        content,
        **{
            "xl__worksheets__sheet1.xml": lambda xml: re.sub(
                rb'<dimension ref="[^"]+"', f'<dimension ref="{ref}"'.encode(), xml
            )
        },
    )
