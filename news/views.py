from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe

from unionsite.links import absolute_url
from unionsite.models import SiteProfile
from unionsite.renditions import rendition

from . import caching, selectors
from .models import Article, Page, Tag
from .services import count_article_view

PER_PAGE = 12


def _list_fragment(request, queryset, *, key: str) -> str:
    """The rendered article list for ``?page=``, cached per generation.

    Page links are ``?page=N``: a cached list is shared by every reader, so its links carry
    no one's extra query parameters."""

    def build():
        page = selectors.paginate(queryset, request.GET.get("page"), per_page=PER_PAGE)
        return render_to_string("news/_article_list.html", {"page_obj": page, "query_prefix": "?"})

    # Keyed by the parsed number, so junk ?page= values cannot fill the cache.
    number = selectors.page_number(request.GET.get("page"))
    return cache.get_or_set(caching.key(key, number), build, caching.FRAGMENT_TTL)


def _page_number(request) -> dict:
    """The page number the title shows: parsed, never the raw ``?page=`` text."""
    return {"page_number": selectors.page_number(request.GET.get("page"))}


@require_safe
def home(request):
    def build():
        chrome = selectors.chrome(request)
        return render_to_string(
            "news/_home_sections.html",
            {
                "featured": selectors.featured_articles(),
                "sections": selectors.latest_by_category(chrome.top_categories),
            },
        )

    sections = cache.get_or_set(caching.key("home"), build, caching.FRAGMENT_TTL)
    return render(request, "news/home.html", {"sections_html": sections})


@require_safe
def category_detail(request, slug):
    category = selectors.chrome(request).category(slug)
    if category is None:
        raise Http404("Không có chuyên mục này.")
    articles = Article.objects.published().for_lists().filter(categories=category.pk)
    html = _list_fragment(request, articles, key=f"category:{category.pk}")
    return render(
        request, "news/article_list.html", {"heading": category.name, "category": category,
                                            "list_html": html, **_page_number(request)},
    )  # fmt: skip


@require_safe
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = Article.objects.published().for_lists().filter(tags=tag.pk)
    html = _list_fragment(request, articles, key=f"tag:{tag.pk}")
    return render(
        request, "news/article_list.html", {"heading": f"Thẻ: {tag.name}", "tag": tag,
                                            "list_html": html, **_page_number(request)},
    )  # fmt: skip


def _article_meta(article: Article) -> dict:
    """Canonical URL, share image and JSON-LD for the article page."""
    url = absolute_url(article.get_absolute_url())
    image = rendition(article.cover, "article", article.cover_width, article.cover_height)
    image_url = absolute_url(image["url"]) if image else ""
    # The same cached profile the page header uses: no extra query.
    profile = SiteProfile.load()
    logo_url = absolute_url(profile.logo.url) if profile.logo else ""
    publisher = {"@type": "Organization", "name": profile.site_name}
    if logo_url:
        publisher["logo"] = {"@type": "ImageObject", "url": logo_url}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.summary,
        "datePublished": article.publish_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "mainEntityOfPage": url,
        "url": url,
        "author": {"@type": "Person", "name": article.byline} if article.byline else None,
        "image": [image_url] if image_url else None,
        "publisher": publisher,
    }
    return {
        "canonical_url": url,
        "cover": image,
        # Without a cover, share previews fall back to the site's logo.
        "og_image": image_url or logo_url,
        "json_ld": {key: value for key, value in data.items() if value},
    }


@require_safe
def article_detail(request, slug):
    preview = request.GET.get("preview") == "1" and request.user.is_staff
    article = selectors.article_for_reader(slug, include_unpublished=preview)
    context = {
        "article": article,
        "preview": preview and not article.is_visible,
        "tags": list(article.tags.all()),
        "related": selectors.related_articles(article),
        **_article_meta(article),
    }
    response = render(request, "news/article_detail.html", context)
    if article.is_visible:
        # Counted after rendering: the page shows the count before this visit.
        count_article_view(request=request, response=response, article=article)
        # A page served from the page cache still counts a first view by this reader.
        response.page_cache_replay = (
            "news.services.count_article_view_by_id",
            {"article_id": article.pk},
        )
    return response


@require_safe
def page_detail(request, slug):
    page = get_object_or_404(Page, slug=slug, language=Page.Language.VI)
    # hreflang: the English pages that translate this one (one query).
    english = list(page.translations.filter(language=Page.Language.EN).only("slug", "language"))
    return render(request, "news/page_detail.html", {"page": page, "english": english})


@require_safe
def english_home(request):
    return render(request, "news/english_home.html", {"pages": selectors.english_pages()})


@require_safe
def english_page(request, slug):
    page = get_object_or_404(
        Page.objects.select_related("translation_of"), slug=slug, language=Page.Language.EN
    )
    return render(
        request, "news/english_page.html", {"page": page, "pages": selectors.english_pages()}
    )


@require_safe
def site_map(request):
    return render(request, "news/site_map.html", {"chrome": selectors.chrome(request)})


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /tim-kiem/",
        "Disallow: /ckeditor5/",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
