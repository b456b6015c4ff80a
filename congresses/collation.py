"""Vietnamese alphabetical order.

Vietnamese dictionaries order by the 29 letters first (a ă â b c d đ e ê g h i k l m n o ô ơ p q
r s t u ư v x y — so "Đông Sơn" comes after every name starting with "D"), and only when the
letters are equal by tone: none, huyền, hỏi, ngã, sắc, nặng. Folding to ASCII (đ → d, tones
dropped) would put "Đông" among the "D"s and code-point order would put "Ông" after "Y", so
neither is used.

``vietnamese_sort_key`` returns a tuple for ``sorted``; ``vietnamese_sort_string`` encodes the
same order as a plain lower-case ASCII string that sorts identically under the C collation and
glibc/ICU locales, so the database can ``ORDER BY`` a stored copy of it.
"""

import unicodedata

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# Letters outside Vietnamese (f, j, w, z) follow the alphabet so foreign names still sort.
_EXTRA = "fjwz"

# Combining marks that turn a base letter into another letter of the alphabet.
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
# Tones in dictionary order; 0 means no tone mark.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _letter_rank(base: str) -> int:
    """Rank of one lower-case letter (after its letter-forming mark is applied)."""
    # 0 is kept for the end-of-string marker, 1 for spaces and punctuation, 2-11 for digits.
    if base.isspace() or not base.isalnum():
        return 1
    if base.isdigit():
        return 2 + int(base) if base.isascii() else 12
    position = ALPHABET.find(base)
    if position >= 0:
        return 20 + position
    position = _EXTRA.find(base)
    if position >= 0:
        return 20 + len(ALPHABET) + position
    return 60 + ord(base) % 1200


def _split(text: str) -> list[tuple[int, int]]:
    """(letter rank, tone) for each character of ``text``."""
    result: list[tuple[int, int]] = []
    for char in str(text).lower():
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0]
        tone = 0
        for mark in decomposed[1:]:
            if mark in _TONES:
                tone = _TONES[mark]
            elif mark in _LETTER_MARKS:
                base += mark
        letter = unicodedata.normalize("NFC", base)
        if len(letter) > 1:  # a mark we do not know: keep the plain base letter
            letter = letter[0]
        result.append((_letter_rank(letter), tone))
    # Collapse runs of separators so "Ba  Đình" and "Ba Đình" sort together.
    collapsed: list[tuple[int, int]] = []
    for item in result:
        if item[0] == 1 and (not collapsed or collapsed[-1][0] == 1):
            continue
        collapsed.append(item)
    while collapsed and collapsed[-1][0] == 1:
        collapsed.pop()
    return collapsed


def vietnamese_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Key for ``sorted``: letters first, then tones, then the text itself as a tie-break."""
    parts = _split(text)
    return tuple(rank for rank, _ in parts), tuple(tone for _, tone in parts), str(text)


def _encode(number: int) -> str:
    return _DIGITS[number // 36] + _DIGITS[number % 36]


def vietnamese_sort_string(text: str, *, max_length: int = 500) -> str:
    """The same order as ``vietnamese_sort_key`` as an ASCII string (two characters per letter).

    Letters, an end marker, then tones: because the end marker is lower than any letter, "Ba"
    sorts before "Bà" before "Bác" before "Bạc".
    """
    parts = _split(text)
    letters = "".join(_encode(min(rank, 1295)) for rank, _ in parts)
    tones = "".join(str(tone) for _, tone in parts)
    return (letters + "00" + tones)[:max_length]
