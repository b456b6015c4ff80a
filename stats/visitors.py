"""The visitor cookie: a random id and two timestamps, signed so they cannot be forged.

``<id>.<last counted request>.<last presence write>`` (Unix seconds, base 36), signed with
``django.core.signing``. The cookie carries the visit's state so that a repeat request inside
a visit needs no database read or write to know it is not a new visit.
"""

import secrets
from dataclasses import dataclass, replace

from django.core import signing

from . import conf


@dataclass(frozen=True)
class Visitor:
    id: str
    last_request: int
    presence_at: int


@dataclass(frozen=True)
class Step:
    """What one counted request means for its visitor."""

    visitor: Visitor
    starts_visit: bool
    writes_presence: bool
    # The visitor was not online before this request (a new visit, or the last presence
    # write is older than the online window): only then can the number online rise.
    enters_online: bool = False


def _b36(value: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, rem = divmod(value, 36)
        out = digits[rem] + out
        if not value:
            return out


def load(value: str | None) -> Visitor | None:
    """The visitor from a cookie value, or None if absent, forged or malformed."""
    if not value or len(value) > 200:
        return None
    try:
        raw = signing.Signer(salt=conf.COOKIE_SALT).unsign(value)
        visitor_id, last, presence = raw.split(".")
        return Visitor(visitor_id, int(last, 36), int(presence, 36))
    except (signing.BadSignature, ValueError):
        return None


def dump(visitor: Visitor) -> str:
    raw = f"{visitor.id}.{_b36(visitor.last_request)}.{_b36(visitor.presence_at)}"
    return signing.Signer(salt=conf.COOKIE_SALT).sign(raw)


def new_id() -> str:
    return secrets.token_urlsafe(16)


def advance(visitor: Visitor | None, now_ts: int) -> Step:
    """Apply the definitions: a visit starts without a cookie or after 30 minutes of silence;
    presence is refreshed once a minute. A new visit gets a new id, so no id outlives a visit.
    """
    gap = conf.VISIT_GAP.total_seconds()
    if visitor is None or now_ts - visitor.last_request >= gap:
        return Step(Visitor(new_id(), now_ts, now_ts), True, True, enters_online=True)
    since_presence = abs(now_ts - visitor.presence_at)
    if since_presence >= conf.PRESENCE_REFRESH.total_seconds():
        return Step(
            replace(visitor, last_request=now_ts, presence_at=now_ts),
            starts_visit=False,
            writes_presence=True,
            enters_online=since_presence >= conf.ONLINE_WINDOW.total_seconds(),
        )
    # Inside the minute since the cookie was last written: nothing changes, not even the
    # cookie (re-signing it on every page was a third of the counter's cost). The visit's
    # last counted request is therefore known to the minute, like the online window.
    return Step(visitor, starts_visit=False, writes_presence=False)
