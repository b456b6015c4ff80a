from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import conf


@require_safe
def about(request):
    """What the counter counts and what its cookie holds, for readers (a privacy notice)."""
    return render(
        request,
        "stats/about.html",
        {
            "visit_gap_minutes": int(conf.VISIT_GAP.total_seconds() // 60),
            "online_minutes": int(conf.ONLINE_WINDOW.total_seconds() // 60),
            "cookie_name": conf.cookie_name(),
        },
    )
