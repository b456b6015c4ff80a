"""The rate limit: per client, in the cache, without storing an address; refused posts are
not stored and cost no database query."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from questions import guard
from questions.models import Feedback, Question

from .conftest import ASK, FEEDBACK, question_data

pytestmark = pytest.mark.django_db


@override_settings(QUESTIONS_RATE_LIMIT=5)
def test_a_flood_from_one_client_stores_at_most_the_limit(client, db):
    statuses = [
        client.post(ASK, question_data(), REMOTE_ADDR="203.0.113.9").status_code for _ in range(40)
    ]
    assert statuses[:5] == [302] * 5
    assert set(statuses[5:]) == {429}
    assert Question.objects.count() == 5
    refused = client.post(ASK, question_data(), REMOTE_ADDR="203.0.113.9")
    assert "Bạn đã gửi nhiều lần trong thời gian ngắn" in refused.text
    # Another client is not held back.
    assert client.post(ASK, question_data(), REMOTE_ADDR="198.51.100.7").status_code == 302


@override_settings(QUESTIONS_RATE_LIMIT=2)
def test_posts_with_errors_do_not_use_up_the_limit_but_a_flood_of_them_is_cut(client, db):
    bad = [
        client.post(ASK, question_data(email="sai"), REMOTE_ADDR="203.0.113.9") for _ in range(8)
    ]
    assert [r.status_code for r in bad] == [400] * 8
    assert client.post(ASK, question_data(), REMOTE_ADDR="203.0.113.9").status_code == 429
    assert Question.objects.count() == 0


@override_settings(QUESTIONS_RATE_LIMIT=1)
def test_past_the_limit_the_guard_refuses_without_a_database_query(db, django_assert_num_queries):
    request = _request("203.0.113.9")
    for _ in range(guard.ATTEMPTS_PER_STORED):
        guard.check_attempts(request, "question")
    with django_assert_num_queries(0), pytest.raises(guard.Refused) as refused:
        guard.check_attempts(request, "question")
    assert refused.value.status == 429


def test_a_double_submit_gives_its_reservation_back(client, db, settings):
    settings.QUESTIONS_RATE_LIMIT = 2
    data = question_data()
    for _ in range(5):
        assert client.post(ASK, data, REMOTE_ADDR="203.0.113.9").status_code == 302
    assert client.post(ASK, question_data(), REMOTE_ADDR="203.0.113.9").status_code == 302
    assert Question.objects.count() == 2


def _request(address):
    from django.test import RequestFactory

    return RequestFactory().post(ASK, REMOTE_ADDR=address)


@pytest.mark.redis
def test_the_rate_limit_keeps_no_address_in_the_cache(client, db):
    client.post(ASK, question_data(), REMOTE_ADDR="203.0.113.9")
    redis = cache._cache.get_client()
    keys = [key.decode() for key in redis.keys("*")]
    values = [redis.get(key) or b"" for key in keys]
    assert any("questions:rate:question:stored:" in key for key in keys)
    assert not any("203.0.113.9" in key for key in keys)
    assert not any(b"203.0.113.9" in value for value in values)


def test_the_client_key_changes_with_the_day_key(db):
    request = _request("203.0.113.9")
    today = guard.client_digest(request)
    assert guard.client_digest(request) == today
    assert "203" not in today
    cache.clear()  # a new day's key
    assert guard.client_digest(request) != today


@override_settings(QUESTIONS_RATE_LIMIT=2)
def test_feedback_has_its_own_limit(client, db):
    from .conftest import feedback_data

    statuses = [
        client.post(FEEDBACK, feedback_data(), REMOTE_ADDR="203.0.113.9").status_code
        for _ in range(4)
    ]
    assert statuses == [302, 302, 429, 429]
    assert Feedback.objects.count() == 2
