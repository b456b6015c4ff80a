"""Kept for tests written before tests/factories existed; build with tests.factories."""

from tests.factories import make_congress, make_union  # noqa: F401
