import logging

from django.conf import settings
from django.db import DatabaseError

from .models import DEFAULT_SITE_NAME, SiteProfile

logger = logging.getLogger(__name__)


def site(request):
    """Expose the site profile as ``site`` to every template."""
    try:
        profile = SiteProfile.load()
    except DatabaseError:
        # The 503 page still needs a header; never let the profile take a page down.
        profile = SiteProfile(site_name=DEFAULT_SITE_NAME)
    return {"site": profile, "SITE_URL": settings.SITE_URL}
