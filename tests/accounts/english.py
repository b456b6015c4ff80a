"""English phrases that must not reach staff: the check used by the admin walk tests."""

import re
from html.parser import HTMLParser

# Phrases Django, django-axes, django-import-export and django-ckeditor-5 write in English.
# Whole words, case-sensitive: "Export" is caught, "Expo 2026" in an article title is not.
ENGLISH = [
    "Please correct", "Error:", "Errors", "Choose all", "Remove all", "Show counts",
    "Hide counts", "Skip to main content", "Toggle", "Breadcrumbs", "Sidebar", "Add another",
    "Save and", "Save", "Delete", "History", "View site", "Log out", "Log in", "Change",
    "Change password", "Filter", "Search", "Clear all filters", "Home", "Recent actions",
    "None available", "Currently", "Password", "Username", "Email address", "First name",
    "Last name", "Staff status", "Superuser status", "Active", "Groups", "Permissions",
    "Important dates", "Personal info", "Date joined", "Last login", "Import", "Export",
    "through import_export", "Confirm import", "Submit", "Select all", "Format", "Resource",
    "File to import", "This exporter", "This importer", "Preview", "Line number", "Row",
    "Skipped", "Update", "New", "Access attempt", "Access log", "Access failure", "Axes",
    "Locked Out", "User Agent", "IP Address", "Attempt Time", "Expires At", "Form Data",
    "Path", "Logout Time", "Authentication and Authorization", "Enabled", "Disabled",
    "Set password", "Reset password", "Forgotten your", "Model name", "entries", "results",
    "total", "Show all", "Yes", "No", "Unknown", "Today", "Now", "Calendar", "Clock",
    "Select", "Choose", "Remove", "Close", "Next", "Previous", "This field is required",
    "Enter a valid", "Ensure this value", "Thanks for spending", "Welcome", "Documentation",
    "Django administration", "Django site admin", "Are you sure", "Summary", "Objects",
    "Action", "Go", "Run the selected action", "Date/time", "User", "Content type", "Redirects",
    "Sites",
]  # fmt: skip
_ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w-])")
_READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}


class _Reader(HTMLParser):
    """What a person reads on the page: text outside script/style, and labelled attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template"}:
            self._skip += 1
        attrs = dict(attrs)
        for name in _READ_ATTRIBUTES & attrs.keys():
            self.parts.append(attrs[name] or "")
        if tag == "input" and attrs.get("type") in {"submit", "button", "reset"}:
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def english_phrases(html: str) -> list[str]:
    reader = _Reader()
    reader.feed(html)
    return sorted({m.group(1) for part in reader.parts for m in _ENGLISH_RE.finditer(part)})
