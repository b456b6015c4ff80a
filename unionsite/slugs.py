"""Unique, Vietnamese-aware addresses for any model with a ``slug`` field."""

from .text import vn_slugify


def unique_slug(
    model,
    text: str,
    *,
    exclude_pk=None,
    fallback: str,
    max_length: int = 192,
    reserved: frozenset[str] | set[str] = frozenset(),
) -> str:
    """A slug of ``text`` that ``model`` does not use yet: "dai-hoi", "dai-hoi-2", …

    ``fallback`` stands in when ``text`` has no letters, and is appended to a slug that is
    ``reserved`` (an address the app's own pages use). One query, whatever the clashes.
    """
    base = vn_slugify(text, max_length=max_length) or fallback
    if base in reserved:
        base = f"{base}-{fallback}"
    existing = set(
        model.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    candidate, n = base, 1
    while candidate in existing:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
