"""Helpers shared by the security tests: an HTML tag lister and the "nothing executable" check."""

import json
import re
from html.parser import HTMLParser


class Tags(HTMLParser):
    """Every start tag of a page as (name, {attr: value}) in order, and each script's text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._in_script: dict[str, str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if tag == "script":
            self._in_script = attributes
            self.scripts.append((attributes, ""))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            attributes, text = self.scripts[-1]
            self.scripts[-1] = (attributes, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def named(self, name: str) -> list[dict[str, str]]:
        return [attrs for tag, attrs in self.tags if tag == name]


def parse_csp(header: str) -> dict[str, list[str]]:
    policy = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            policy[words[0]] = words[1:]
    return policy


# Elements that run code, load other documents or restyle the page; none belongs in content.
FORBIDDEN_TAGS = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "base",
    "portal", "template", "isindex", "xml", "import",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "srcdoc", "srcset", "lowsrc", "dynsrc", "ping", "manifest", "codebase", "cite",
}  # fmt: skip
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")


def executable_parts(html: str, *, allowed_script_prefix: str = "/static/") -> list[str]:
    """What in ``html`` a browser would run: [] when nothing. Each finding is described.

    Allowed: ``<script src>`` from our own static files and JSON-LD data blocks whose text is
    valid JSON. Everything else that executes (inline scripts, on* handlers, javascript:/data:
    URLs, style, svg/math, frames, objects, meta refresh, base) is reported.
    """
    found = []
    tags = Tags(html)
    for attrs, text in tags.scripts:
        if attrs.get("type") == "application/ld+json":
            try:
                json.loads(text)
            except ValueError:
                found.append(f"JSON-LD that is not JSON: {text[:80]!r}")
        elif not attrs.get("src", "").startswith(allowed_script_prefix) or text.strip():
            found.append(f"script {attrs} {text[:80]!r}")
    for tag, attrs in tags.tags:
        if tag in FORBIDDEN_TAGS:
            found.append(f"<{tag}>")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            found.append("meta refresh")
        if (
            tag == "link"
            and "stylesheet" in attrs.get("rel", "")
            and not attrs.get("href", "").startswith("/static/")
        ):
            found.append(f"foreign stylesheet {attrs}")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}>")
            if name == "style":
                found.append(f"<{tag} style>")
            if name in URL_ATTRIBUTES:
                url = _INVISIBLE.sub("", value).lower()
                if url.startswith(BAD_SCHEMES):
                    found.append(f"<{tag} {name}={value[:60]!r}>")
    return found
