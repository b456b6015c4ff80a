"""Site search pieces every app shares: one hit shape, one matching rule, highlighting.

Each app offers its own kind of result through a public selector returning ``SearchHit``s
(``news.selectors.search_page_hits``, ``congresses.selectors.search_union_hits``…); the search
page (``portal/search.py``) lists the kinds. Words are folded the way reader search folds them
(``unionsite.text.fold_vietnamese``): "Thọ Xuân", "tho xuan" and "THO XUAN" are the same words.
"""

import re
from dataclasses import dataclass

from django.db.models import Case, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import fold_vietnamese

# C0 and C1 control characters (tab, newline and carriage return become spaces elsewhere).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_WORD = re.compile(r"\w+")
_FOLDED_WORD = re.compile(r"[a-z0-9]+")


def strip_control_characters(text: str) -> str:
    """``text`` without NUL and other control characters (a query, a form value)."""
    return _CONTROL.sub("", text)


def folded_words(text: str) -> list[str]:
    """The folded words of ``text``: "Đại hội, điểm!" → ["dai", "hoi", "diem"]."""
    return _FOLDED_WORD.findall(fold_vietnamese(text))


@dataclass(frozen=True)
class SearchHit:
    """One result of any kind: what the search page shows for it."""

    title: str
    url: str
    text: str = ""  # plain text the snippet is cut from
    meta: str = ""  # a short line under the title (date, federation…)


def match_rank(words: list[str], title: str, text: str = "") -> int | None:
    """How well ``title``/``text`` match the folded ``words``: None unless every word is a
    whole word of one of them; the whole phrase in the title ranks first, then title words."""
    title_words = f" {' '.join(folded_words(title))} "
    text_words = f" {' '.join(folded_words(text))} " if text else " "
    rank = 10 if f" {' '.join(words)} " in title_words else 0
    for word in words:
        padded = f" {word} "
        if padded in title_words:
            rank += 3
        elif padded in text_words:
            rank += 1
        else:
            return None
    return rank


def whole_word_match(words: list[str], weighted: list[tuple[str, int]], others: list[str],
                     *, phrase_weight: int):  # fmt: skip
    """``match_rank`` in SQL, over stored folded columns (" word word ", see ``folded_words``):
    the condition that every word is a whole word of one of the columns, and a rank: the whole
    phrase in the first weighted column counts ``phrase_weight``, each word the weight of the
    first ``weighted`` column holding it, else 1. Returns ``(condition, rank)``."""
    columns = [name for name, _ in weighted] + others
    condition = Q()
    phrase = f" {' '.join(words)} "
    rank = Case(When(**{f"{columns[0]}__contains": phrase}, then=Value(phrase_weight)),
                default=Value(0))  # fmt: skip
    for word in words:
        padded = f" {word} "
        anywhere = Q()
        for name in columns:
            anywhere |= Q(**{f"{name}__contains": padded})
        condition &= anywhere
        rank = rank + Case(
            *(
                When(**{f"{name}__contains": padded}, then=Value(weight))
                for name, weight in weighted
            ),
            default=Value(1),
        )
    return condition, rank


def highlight(text: str, words: list[str]) -> SafeString:
    """``text`` HTML-escaped, with each word whose folded form is one of ``words`` in <mark>."""
    wanted = set(words)
    parts, start = [], 0
    for match in _WORD.finditer(text):
        if fold_vietnamese(match.group()) in wanted:
            parts.append(escape(text[start : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            start = match.end()
    parts.append(escape(text[start:]))
    return mark_safe("".join(parts))  # noqa: S308  (every piece escaped above)


def snippet(text: str, words: list[str], *, length: int = 220) -> SafeString:
    """About ``length`` characters of ``text`` around its first matched word, highlighted."""
    text = " ".join(text.split())
    wanted = set(words)
    first = next(
        (m.start() for m in _WORD.finditer(text) if fold_vietnamese(m.group()) in wanted), 0
    )
    begin = max(0, first - length // 3)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < first else begin
    end = min(len(text), begin + length)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > first else end
    piece = highlight(text[begin:end], words)
    return mark_safe(("… " if begin else "") + piece + (" …" if end < len(text) else ""))  # noqa: S308
