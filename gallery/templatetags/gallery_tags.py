from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.html import format_html

from unionsite.renditions import rendition

from .. import caching, selectors

register = template.Library()

EAGER = 'fetchpriority="high"'
LAZY = 'loading="lazy"'

# (alias, alias at twice the width) and the sizes attribute of each place a photo is shown.
SIZES = {
    "grid": (
        ("gallery_grid", "gallery_grid2x"),
        "(min-width: 64em) 15rem, (min-width: 36em) 30vw, 46vw",
    ),
    "view": (("gallery_view", "gallery_wide"), "(min-width: 64em) 46rem, 100vw"),
}


@register.simple_tag
def photo_img(photo, place="grid", fallback_alt="", eager=False):
    """``<img>`` of ``photo`` with a srcset of its renditions, width, height and lazy loading;
    its alt text is the photo's, else its caption, else ``fallback_alt`` (the album's title).

    The renditions exist on storage from the photo's save; no SQL is run here."""
    if photo is None or not photo.image:
        return ""
    (small_alias, large_alias), sizes = SIZES[place]
    small = rendition(photo.image, small_alias, photo.width, photo.height)
    large = rendition(photo.image, large_alias, photo.width, photo.height)
    candidates = [(r["url"], r["width"]) for r in (small, large) if r and r["width"]]
    srcset = ", ".join(f"{url} {width}w" for url, width in dict(candidates).items())
    return format_html(
        '<img src="{}"{} sizes="{}" width="{}" height="{}" alt="{}" '
        + (EAGER if eager else LAZY)
        + ' decoding="async">',
        small["url"],
        format_html(' srcset="{}"', srcset) if len(candidates) > 1 else "",
        sizes,
        small["width"] or photo.width or "",
        small["height"] or photo.height or "",
        photo.alt_text or photo.caption or fallback_alt,
    )


@register.simple_tag
def poster_img(video, alias="card", eager=False):
    """The video's poster (its own image; never the provider's, fetched only after a click)."""
    image = rendition(video.poster, alias, video.poster_width, video.poster_height)
    if image is None:
        return format_html('<span class="{}" aria-hidden="true"></span>', "video-card__placeholder")
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="" ' + (EAGER if eager else LAZY) + ' decoding="async">',
        image["url"], image["width"] or "", image["height"] or "",
    )  # fmt: skip


@register.simple_tag
def gallery_home_block() -> str:
    """The home page's newest album and latest videos, cached per gallery version (two
    queries cold, none warm)."""

    def build():
        return render_to_string(
            "gallery/_home_block.html",
            {"album": selectors.newest_album(), "videos": selectors.latest_videos(3)},
        )

    return cache.get_or_set(caching.key("home"), build, caching.FRAGMENT_TTL)


@register.inclusion_tag("gallery/_attached_albums.html")
def article_albums(article):
    """The albums attached to an article, for its page (one query)."""
    return {"albums": selectors.albums_for_article(article.pk)}


@register.inclusion_tag("gallery/_attached_albums.html")
def congress_albums(congress):
    """The albums attached to a congress record, for its page (one query)."""
    return {"albums": selectors.albums_for_congress(congress.pk)}
