import logging

from django.conf import settings
from django.db import DatabaseError

from .models import DEFAULT_SITE_NAME, SiteProfile
from .views import TEXT_SIZE_COOKIE, TEXT_SIZES

logger = logging.getLogger(__name__)


def site(request):
    """Expose the site profile as ``site`` and the reader's text size to every template."""
    try:
        profile = SiteProfile.load()
    except DatabaseError:
        # The 503 page still needs a header; never let the profile take a page down.
        profile = SiteProfile(site_name=DEFAULT_SITE_NAME)
    text_size = request.COOKIES.get(TEXT_SIZE_COOKIE, "vua")
    if text_size not in TEXT_SIZES:
        text_size = "vua"
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
    }
