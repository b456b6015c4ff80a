"""Keeping robots and floods out of the two public forms, without an outside CAPTCHA.

A submission is refused, and nothing stored, when:

- the honeypot field (hidden from people by CSS, ``questions.css``) is filled in;
- the signed form token (``django.core.signing``: when the form was served and a one-time
  nonce) is missing, forged or older than ``TOKEN_MAX_AGE``;
- it comes sooner than ``QUESTIONS_MIN_FILL_SECONDS`` after the form was served;
- the client already had ``QUESTIONS_RATE_LIMIT`` forms stored in ``QUESTIONS_RATE_WINDOW``
  seconds, or posted ``ATTEMPTS_PER_STORED`` times that many (valid or not).

The rate limit stores no IP address: the cache key is an HMAC of the address under a random
key that changes every day (kept in the cache, shared by all app servers, gone after two
days), so yesterday's counters cannot be tied to an address even by someone holding the
cache and the site's secret. A refused post costs a few cache round trips and no database
query, so a flood does not touch the database that reader pages use.
"""

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

import redis
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone

from unionsite.security import client_ip

TOKEN_SALT = "questions.form"  # noqa: S105  (a signing salt, not a secret)
TOKEN_MAX_AGE = 6 * 3600  # a person may leave the form open a while
DAY_KEY = "questions:daykey:{day}"
COUNTER_KEY = "questions:rate:{digest}"
HONEYPOT = "website"
# Posts with errors (a typo in the e-mail) do not use up a person's stored submissions, but a
# client posting more than this many times the limit is refused before the form is checked.
ATTEMPTS_PER_STORED = 4


class Refused(Exception):
    """A submission that is not stored; ``message`` is what the person reads."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Token:
    issued: float
    nonce: str


def make_token(*, now: float | None = None) -> str:
    """A signed token for a freshly served form."""
    issued = time.time() if now is None else now
    return signing.dumps({"t": round(issued, 3), "n": secrets.token_hex(16)}, salt=TOKEN_SALT)


def read_token(value: str, *, now: float | None = None) -> Token:
    """The token's contents, or ``Refused`` when it is forged, stale or filled too fast."""
    now = time.time() if now is None else now
    try:
        data = signing.loads(value or "", salt=TOKEN_SALT)
        token = Token(issued=float(data["t"]), nonce=str(data["n"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Refused(
            "Biểu mẫu không hợp lệ hoặc đã bị thay đổi. Vui lòng tải lại trang và gửi lại."
        ) from None
    if len(token.nonce) != 32 or now - token.issued > TOKEN_MAX_AGE:
        raise Refused("Biểu mẫu đã mở quá lâu. Vui lòng tải lại trang và gửi lại.")
    if now - token.issued < settings.QUESTIONS_MIN_FILL_SECONDS:
        raise Refused(
            "Bạn gửi nhanh quá, chúng tôi chưa kịp nhận. Vui lòng kiểm tra lại nội dung và "
            "bấm gửi lần nữa sau vài giây."
        )
    return token


def _day_key() -> bytes:
    key = DAY_KEY.format(day=timezone.localdate().isoformat())
    value = cache.get(key)
    if value is None:
        cache.add(key, secrets.token_hex(32), 2 * 86400)
        # Another server may have added its own first: everyone uses the stored one. If the
        # cache is away, a key made up here still keeps the address out of any key.
        value = cache.get(key) or secrets.token_hex(32)
    return value.encode()


def client_digest(request) -> str:
    """A keyed hash of the client address, valid for today only."""
    address = (client_ip(request) or "unknown").encode()
    return hmac.new(_day_key(), address, hashlib.sha256).hexdigest()[:32]


def _count(key: str, *, window: int, by: int = 1) -> int | None:
    """Add ``by`` to the counter ``key`` (made to last ``window`` seconds); None when the cache
    cannot count (Redis away: the other checks still hold)."""
    cache.add(key, 0, window)
    try:
        return cache.incr(key, by)
    except ValueError:  # expired between add and incr, or add failed with Redis away
        return by if cache.add(key, by, window) else None
    except redis.RedisError:  # incr is not among the calls unionsite.cache degrades
        return None


def _key(request, form_name: str, kind: str) -> str:
    return COUNTER_KEY.format(digest=f"{form_name}:{kind}:{client_digest(request)}")


def _too_many() -> Refused:
    minutes = max(1, settings.QUESTIONS_RATE_WINDOW // 60)
    return Refused(
        f"Bạn đã gửi nhiều lần trong thời gian ngắn. Vui lòng thử lại sau {minutes} phút, "
        "hoặc gọi điện cho Liên đoàn Lao động tỉnh.",
        status=429,
    )


def check_attempts(request, form_name: str) -> None:
    """Count one post of ``form_name`` by this client, valid or not; past
    ``ATTEMPTS_PER_STORED`` times the limit, ``Refused`` (429) before any database work."""
    count = _count(_key(request, form_name, "post"), window=settings.QUESTIONS_RATE_WINDOW)
    if count is not None and count > settings.QUESTIONS_RATE_LIMIT * ATTEMPTS_PER_STORED:
        raise _too_many()


def reserve(request, form_name: str) -> str:
    """Take one of the client's ``QUESTIONS_RATE_LIMIT`` stored submissions per window, before
    storing (an atomic increment, so parallel posts cannot store more); ``Refused`` (429)
    past the limit. Returns the key for ``release``."""
    key = _key(request, form_name, "stored")
    count = _count(key, window=settings.QUESTIONS_RATE_WINDOW)
    if count is not None and count > settings.QUESTIONS_RATE_LIMIT:
        raise _too_many()
    return key


def release(key: str) -> None:
    """Give back a reservation that stored nothing new (a double submit)."""
    _count(key, window=settings.QUESTIONS_RATE_WINDOW, by=-1)


def check_honeypot(data) -> None:
    if data.get(HONEYPOT):
        raise Refused("Không gửi được biểu mẫu. Vui lòng để trống ô cuối cùng và gửi lại.")
