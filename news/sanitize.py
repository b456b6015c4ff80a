"""Server-side sanitising of editor HTML (article and page bodies) with nh3.

The body is cleaned before it is stored, so every template can print it with ``|safe``.
Anything not on the allowlist below is removed: scripts and styles with their content,
event-handler and ``style`` attributes, and URLs whose scheme is not http(s), mailto or tel
(so no ``javascript:``, ``vbscript:`` or ``data:``). Every link gets
``rel="noopener noreferrer"``; ``target`` is not allowed at all. Images get ``loading="lazy"``.
"""

import html as html_lib
import re
import unicodedata
from html.parser import HTMLParser

import nh3
from django.core.exceptions import ValidationError

ALLOWED_TAGS = {
    # text
    "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
    "span", "abbr", "cite", "q", "code", "pre",
    # structure
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "img", "a",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height", "title"},
    "abbr": {"title"},
    "ol": {"start", "reversed"},
    "col": {"span"},
    "colgroup": {"span"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "blockquote": {"cite"},
    "q": {"cite"},
}

# CKEditor 5 marks image alignment and tables with these classes; nothing else is kept.
ALLOWED_CLASSES = {
    "figure": {
        "image",
        "table",
        "image_resized",
        "image-style-align-left",
        "image-style-align-right",
        "image-style-block-align-left",
        "image-style-block-align-right",
        "image-style-side",
    },
    "img": {"image_resized"},
}

_TAG = re.compile(r"<[^>]*>")

URL_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_REL = "noopener noreferrer"

_NUMERIC_ATTRIBUTES = {"width", "height", "colspan", "rowspan", "span", "start"}


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Sizes and spans must be plain numbers; anything else ("100%;x:expression()") is dropped.
    if attribute in _NUMERIC_ATTRIBUTES:
        return value if value.isdigit() and len(value) <= 5 else None
    return value


def clean_html(html: str) -> str:
    """Return ``html`` reduced to the allowlist, NFC-normalised (so search and slugs see one
    form of each Vietnamese letter). Empty input gives ""."""
    if not html:
        return ""
    cleaned = nh3.clean(
        str(html),
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "template", "noscript", "textarea", "title"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        # Body images below the fold should not hold up the page.
        set_tag_attribute_values={"img": {"loading": "lazy"}},
        strip_comments=True,
    )
    return unicodedata.normalize("NFC", cleaned).strip()


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, for search and descriptions (never rendered as HTML)."""
    if not html:
        return ""
    # Drop script/style content first, then turn every remaining tag into a space so
    # "</p><p>" does not glue two words together.
    cleaned = nh3.clean(str(html), clean_content_tags={"script", "style"})
    text = _TAG.sub(" ", cleaned)
    return " ".join(html_lib.unescape(text).split())


class _Images(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.missing: list[str] = []
        self.count = 0

    def handle_starttag(self, tag, attrs):
        if tag != "img":
            return
        self.count += 1
        attributes = dict(attrs)
        if not (attributes.get("alt") or "").strip():
            src = (attributes.get("src") or "").split("?", 1)[0].rstrip("/")
            self.missing.append(src.rsplit("/", 1)[-1] or f"ảnh thứ {self.count}")


def images_without_alt(html: str) -> list[str]:
    """File names of the images in ``html`` (as it will be stored) that have no text
    alternative, in order; "ảnh thứ N" for an image without a source."""
    parser = _Images()
    parser.feed(clean_html(html))
    return parser.missing


def require_image_alt(html: str, field: str = "body") -> None:
    """Raise ``ValidationError`` on ``field`` naming the images in ``html`` that lack alt text."""
    missing = images_without_alt(html)
    if missing:
        names = ", ".join(f"“{name}”" for name in missing)
        raise ValidationError(
            {
                field: ValidationError(
                    f"Ảnh {names} trong nội dung chưa có mô tả cho người khiếm thị. Bấm vào ảnh, chọn "
                    "nút “Thay đổi văn bản thay thế” trên thanh công cụ ảnh và nhập mô tả.",
                    code="image_alt",
                )
            }
        )
