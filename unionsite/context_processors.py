from django.conf import settings
from django.db import DatabaseError

from .models import SiteProfile
from .search import strip_control_characters
from .views import TEXT_SIZES, reader_text_size


def site(request):
    """Expose the site profile as ``site`` and the reader's text size to every template."""
    try:
        profile = SiteProfile.load()
    except DatabaseError:
        # The 503 page still needs a header; never let the profile take a page down.
        profile = SiteProfile.default()
    text_size = reader_text_size(request)
    # Where "A- A A+" return to; a huge query string would be copied into three links.
    back_to = request.get_full_path()
    if len(back_to) > 500:
        back_to = request.path
    return {
        "site": profile,
        "SITE_URL": settings.SITE_URL,
        "text_size": text_size,
        "text_size_class": TEXT_SIZES[text_size],
        "text_size_next": back_to,
        # The header's search box shows the query back: trimmed, without control characters.
        "search_query": strip_control_characters(request.GET.get("q", "")[:400])[:200],
    }
