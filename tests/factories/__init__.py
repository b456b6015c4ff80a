"""The one place tests build records and files: factory_boy factories and small helpers.

Every test package imports its builders from here (``from tests.factories import ...``), never
from another package's ``conftest.py`` or test module; a package's conftest keeps only its
fixtures. tests/unionsite/test_import_contract.py checks that rule.
"""

from .congresses import (
    CongressFactory,
    FederationFactory,
    ProvinceFactory,
    TermFactory,
    UnionFactory,
    make_congress,
    make_union,
    officer_of,
)
from .files import image_bytes, upload
from .gallery import YOUTUBE, VideoFactory, jpeg, make_album, mp4_box, mp4_bytes, photo_upload
from .news import ArticleFactory, CategoryFactory, PageFactory, TagFactory, make_article
from .people import PASSWORD, StaffFactory, UserFactory, staff_in

__all__ = [
    "PASSWORD",
    "ArticleFactory",
    "CategoryFactory",
    "CongressFactory",
    "FederationFactory",
    "PageFactory",
    "ProvinceFactory",
    "StaffFactory",
    "TagFactory",
    "TermFactory",
    "UnionFactory",
    "UserFactory",
    "VideoFactory",
    "YOUTUBE",
    "image_bytes",
    "jpeg",
    "make_album",
    "make_article",
    "make_congress",
    "make_union",
    "mp4_box",
    "mp4_bytes",
    "officer_of",
    "photo_upload",
    "staff_in",
    "upload",
]
