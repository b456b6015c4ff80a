"""The kinds of result the site search (/tim-kiem/) lists, in the order it lists them.

Each kind is one app's public selector taking the folded query words and a limit and
returning ``unionsite.search.SearchHit``s, and optionally a link to the app's own search for
more. A new app adds its kind with one line here. Articles are not a kind: they are the page's main, paginated list (``news.selectors.search_page``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from congresses import selectors as congresses_selectors
from documents import selectors as documents_selectors
from news import selectors as news_selectors
from questions import selectors as questions_selectors
from unionsite.search import SearchHit

PER_KIND = 10


@dataclass(frozen=True)
class Kind:
    key: str
    heading: str
    find: Callable[..., list[SearchHit]]
    more_url: Callable[[str], str] | None = None  # query → the app's own search


KINDS = [
    Kind(
        "documents",
        "Văn bản",
        documents_selectors.search_document_hits,
        documents_selectors.library_search_url,
    ),  # fmt: skip
    Kind(
        "questions",
        "Hỏi đáp pháp luật",
        questions_selectors.search_question_hits,
        questions_selectors.questions_search_url,
    ),  # fmt: skip
    Kind("pages", "Trang thông tin", news_selectors.search_page_hits),
    Kind("unions", "Công đoàn và đại hội", congresses_selectors.search_union_hits),
]


def other_hits(words: list[str]) -> list[tuple[Kind, list[SearchHit]]]:
    """``[(kind, hits, more), …]`` for every kind with at least one hit; ``more`` says the kind
    has more hits than shown."""
    found = [(kind, kind.find(words, limit=PER_KIND + 1)) for kind in KINDS]
    return [(kind, hits[:PER_KIND], len(hits) > PER_KIND) for kind, hits in found if hits]
