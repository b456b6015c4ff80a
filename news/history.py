"""Revisions of articles and pages (django-reversion): the list, a word-level comparison of
any two, and the content of one written back as a new revision.

Every save through the admin runs inside ``reversion.create_revision()`` (``RevisionsAdmin``
in news/admin.py, with the account and a comment); any other save of an article or a page
(the demo, a shell, a workflow step that moves ``publish_at``) gets a revision of its own from
``keep_revision`` in news/signals.py. Identical consecutive versions are not stored twice.
"""

from dataclasses import dataclass
from difflib import SequenceMatcher

import reversion
from django.db import models, transaction
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from reversion.models import Version

from .models import Article, Page
from .sanitize import html_to_text

# What a revision keeps: the content people write, not the counters, the folded search
# columns or the workflow state (a restore never publishes or hides anything).
ARTICLE_FIELDS = (
    "title", "summary", "body", "cover", "cover_caption", "cover_alt", "byline", "source",
    "publish_at", "featured", "categories", "tags",
)  # fmt: skip
PAGE_FIELDS = ("title", "body", "order", "show_in_menu", "show_in_footer")
FIELDS = {Article: ARTICLE_FIELDS, Page: PAGE_FIELDS}
# What the comparison shows, as readable text.
COMPARED = {
    Article: [("title", "Tiêu đề"), ("summary", "Sa-pô"), ("body", "Nội dung")],
    Page: [("title", "Tiêu đề"), ("body", "Nội dung")],
}
HTML_FIELDS = {"body"}

reversion.register(Article, fields=ARTICLE_FIELDS, ignore_duplicates=True)
reversion.register(Page, fields=PAGE_FIELDS, ignore_duplicates=True)


def versions_of(obj) -> models.QuerySet:
    """The stored versions of an article or page, the newest first."""
    return Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk")


def keep_revision(instance, *, update_fields=None, raw=False) -> None:
    """A revision for a save made outside an admin request (which keeps its own)."""
    fields = FIELDS.get(type(instance))
    if raw or fields is None or reversion.is_active():
        return
    if update_fields is not None and not set(update_fields) & set(fields):
        return  # a counter or a workflow state, not the content
    with reversion.create_revision():
        reversion.add_to_revision(instance)


def content_of(obj) -> dict:
    """The live object's content in the shape of ``Version.field_dict``."""
    data = {}
    for name in FIELDS[type(obj)]:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            data[name] = sorted(getattr(obj, name).values_list("pk", flat=True)) if obj.pk else []
        else:
            data[name] = getattr(obj, field.attname)
    return data


def _text(name: str, data: dict) -> str:
    value = data.get(name) or ""
    return html_to_text(value) if name in HTML_FIELDS else " ".join(str(value).split())


def word_diff(old: str, new: str) -> SafeString:
    """``old`` → ``new`` word by word: removed words in <del>, added in <ins>, all escaped."""
    a, b = old.split(), new.split()
    parts = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 - every word above went through escape()


@dataclass(frozen=True)
class Difference:
    label: str
    changed: bool
    html: SafeString


def compare(model, old: dict, new: dict) -> list[Difference]:
    """Title, sapo and body of two contents (``Version.field_dict`` or ``content_of``)."""
    rows = []
    for name, label in COMPARED[model]:
        before, after = _text(name, old), _text(name, new)
        rows.append(Difference(label, before != after, word_diff(before, after)))
    return rows


def apply_content(obj, data: dict, *, fields=None) -> dict:
    """Set ``obj``'s plain fields from ``data`` (not saved); return the many-to-many ones.

    A stored cover whose file is gone is left as it is now, rather than pointing at nothing."""
    m2m = {}
    for name in fields or FIELDS[type(obj)]:
        if name not in data:
            continue
        field = obj._meta.get_field(name)
        if field.many_to_many:
            m2m[name] = list(data[name] or [])
        elif isinstance(field, models.FileField):
            value = data[name] or ""
            if not value or field.storage.exists(value):
                setattr(obj, name, value)
        else:
            setattr(obj, field.attname, data[name])
    return m2m


def save_content(obj, data: dict, *, by, comment: str) -> None:
    """Write ``data`` onto ``obj`` and save it as one new revision (by ``by``, with
    ``comment``). Related categories or tags deleted since are skipped."""
    with transaction.atomic(), reversion.create_revision():
        m2m = apply_content(obj, data)
        obj.save()
        for name, pks in m2m.items():
            related = obj._meta.get_field(name).related_model
            getattr(obj, name).set(related.objects.filter(pk__in=pks))
        reversion.set_user(by)
        reversion.set_comment(comment)
