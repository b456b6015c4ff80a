"""/van-ban/ and a document page stay within the suite's page limit (≤ 8 queries), however
many documents there are. Cold cache, a reader already on the site (see tests/news)."""

import datetime

import pytest
from django.core.cache import cache

from .conftest import make_document
from .samples import pdf

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"
LIMIT = 8


def _fill(issuers, fields, count):
    for i in range(count):
        make_document(
            issuers["province" if i % 2 else "tho_xuan"], f"{i + 1}/KH-LĐLĐ",
            f"Kế hoạch đại hội công đoàn số {i + 1}", issued_on=datetime.date(2022, 1, 1 + i % 28),
            fields=list(fields.values()), files=[("a.pdf", pdf())] if i < 3 else (),
        )  # fmt: skip


def _counts(client, django_assert_max_num_queries, urls) -> dict:
    client.get("/trang/so-do-trang/", HTTP_USER_AGENT=BROWSER)
    counts = {}
    for url in urls:
        cache.clear()
        with django_assert_max_num_queries(LIMIT) as captured:
            response = client.get(url, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200, url
        counts[url] = len(captured)
    return counts


# Transactional (as in tests/news/test_queries.py): no test savepoints counted as queries;
# serialized_rollback keeps the migrations' groups and document types for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_list_and_document_page_queries_are_few_and_flat(
    client, library, issuers, fields, django_assert_max_num_queries
):
    document = library["kh61"]
    urls = [
        "/van-ban/",
        "/van-ban/?page=1&loai=ke-hoach&nam=2022&tinh_trang=con-hieu-luc",
        "/van-ban/?q=61+kh+ldld&linh_vuc=to-chuc-dai-hoi",
        document.get_absolute_url(),
    ]
    small = _counts(client, django_assert_max_num_queries, urls)
    _fill(issuers, fields, 45)
    document.related.add(*list(type(document).objects.exclude(pk=document.pk)[:5]))
    large = _counts(client, django_assert_max_num_queries, urls)
    assert large == small
