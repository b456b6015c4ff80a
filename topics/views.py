"""Topic pages (``/chuyen-de/``)."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from news.selectors import paginate

from . import selectors

ARTICLES_PER_PAGE = 12


def _may_preview(request) -> bool:
    return request.GET.get("preview") == "1" and request.user.is_staff


@require_safe
def topic_list(request):
    return render(request, "topics/topic_list.html", {"topics": list(selectors.topics())})


@require_safe
def topic_detail(request, slug):
    topic = selectors.topic_for_reader(slug, include_unpublished=_may_preview(request))
    articles = selectors.topic_articles(topic)
    page = (
        paginate(articles, request.GET.get("page"), per_page=ARTICLES_PER_PAGE)
        if articles is not None
        else None
    )
    return render(
        request,
        "topics/topic_detail.html",
        {"topic": topic, "page_obj": page, "preview": not topic.is_published,
         **selectors.topic_parts(topic)},
    )  # fmt: skip
