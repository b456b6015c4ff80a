"""When two union names mean the same union: the rule an import matches names by.

District offices type the same union many ways: "Trường Tiểu học Xuân Lập", "Công đoàn cơ sở
Trường tiểu học Xuân Lập", "CĐCS Trường TH Xuân Lập", "truong tieu hoc xuan lap", or the same
letters in NFD Unicode (what macOS and Word often paste). ``match_key`` gives all of them one
key: the project's folding rule (``unionsite.text.fold_vietnamese``, the one the admin search
and the ``unionsite_fold`` SQL function use: case, diacritics, đ→d, whitespace), then the
"Công đoàn cơ sở"/"CĐCS"/"CĐ" prefix dropped and the usual abbreviations written out. The key
is for matching only: names are stored as typed, in NFC (``stored_name``).

``similar`` finds the existing names a new one is probably a misspelling of, so an import can
hold the row back as a warning instead of creating a second union.
"""

import difflib
import re
import unicodedata

from unionsite.text import fold_vietnamese

# Folded prefixes, longest first; only one is removed.
PREFIXES = ("cong doan co so", "cong doan", "cdcs", "cd")
# Folded abbreviation → folded words, applied to whole words.
ABBREVIATIONS = {
    "th": "truong tieu hoc",
    "thcs": "truong trung hoc co so",
    "thpt": "truong trung hoc pho thong",
    "mn": "truong mam non",
    "ubnd": "uy ban nhan dan",
    "ldld": "lien doan lao dong",
    "cty": "cong ty",
    "cp": "co phan",
    "tnhh": "trach nhiem huu han",
}
# "Trường TH Xuân Lập" reads "trường trường tiểu học" once written out.
_REPEATED_TRUONG = re.compile(r"\btruong (truong )+")
_PUNCTUATION = re.compile(r"[.,;:()\"“”'‘’]+")
# Two keys at least this alike (difflib ratio) are "probably the same union".
SIMILARITY = 0.85


def stored_name(text: str) -> str:
    """The name as typed, in NFC, with surrounding and repeated whitespace removed."""
    return " ".join(unicodedata.normalize("NFC", str(text)).split())


def match_key(text: str) -> str:
    """The folded form two names share when a person would call them the same union."""
    folded = fold_vietnamese(unicodedata.normalize("NFC", str(text)))
    folded = " ".join(_PUNCTUATION.sub(" ", folded).split())
    for prefix in PREFIXES:
        if folded == prefix:
            break
        if folded.startswith(prefix + " "):
            folded = folded[len(prefix) + 1 :]
            break
    words = [ABBREVIATIONS.get(word, word) for word in folded.split()]
    return _REPEATED_TRUONG.sub("truong ", " ".join(words))


def similar(key: str, names_by_key: dict[str, str]) -> list[str]:
    """Existing names whose key is close to ``key`` (not equal: equal keys are a match)."""
    found = []
    for other_key, name in names_by_key.items():
        if other_key == key:
            continue
        if difflib.SequenceMatcher(None, key, other_key).ratio() >= SIMILARITY:
            found.append(name)
    return sorted(found)
