"""Vietnamese-aware text helpers shared by every app (slugs, sorting, search).

Django's ``slugify`` drops "đ"/"Đ" entirely because NFKD does not decompose them (they are
letters of their own, not "d" with a combining mark). Vietnamese readers expect
"Đại hội" → "dai-hoi", so both letters are mapped to "d" before the accents are stripped.
"""

import re
import unicodedata

# "Ð"/"ð" (U+00D0/U+00F0, Icelandic eth) look identical and turn up in pasted Vietnamese text.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese (and other Latin) diacritics; keep case. "Đại hội" → "Dai hoi"."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_D_MAP))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_vietnamese(text: str) -> str:
    """Lower-case, diacritics removed, đ→d: the form used to compare and sort Vietnamese text.

    "Đại hội Điểm" → "dai hoi diem". Whitespace runs collapse to one space.
    """
    return " ".join(strip_diacritics(text).lower().split())


def vn_slugify(text: str, *, max_length: int = 200) -> str:
    """ASCII slug that keeps Vietnamese letters readable: "Đại hội điểm công đoàn" →
    "dai-hoi-diem-cong-doan". Never longer than ``max_length``; may be "" for text without
    letters or digits (callers supply a fallback)."""
    ascii_text = strip_diacritics(text).lower().encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


def vn_number(value) -> str:
    """1244377 → "1.244.377" (Vietnamese digit grouping, whatever the active locale);
    unknown (None) → "–"; not a number → ""."""
    if value is None:
        return "–"
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return ""


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def vn_date_line(day) -> str:
    """``date(2026, 12, 4)`` → "Thứ Sáu, 04/12/2026" (Django's own Vietnamese day names are
    written in lower case: "Thứ sáu")."""
    return f"{WEEKDAYS[day.weekday()]}, {day:%d/%m/%Y}"
