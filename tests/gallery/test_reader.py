"""Reader pages of the photo library and the videos: lists, album, photo page with previous
and next links, click-to-load videos under a frame-src widened on the video page only."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from congresses.models import Congress
from tests.factories import (
    YOUTUBE,
    FederationFactory,
    TermFactory,
    VideoFactory,
    make_album,
    make_article,
    make_congress,
    make_union,
    mp4_bytes,
    staff_in,
)

D = datetime.date


def _photo_links(html: str) -> list[str]:
    return re.findall(r'<li class="photo-grid__item"><a href="([^"]+)"', html)


def _csp(response) -> dict[str, str]:
    parts = [p.strip().split(" ", 1) for p in response["Content-Security-Policy"].split(";")]
    return {p[0]: p[1] if len(p) > 1 else "" for p in parts}


def make_video(title="Lễ ra quân Tháng Công nhân", **fields):
    return VideoFactory(title=title, **fields)


def test_album_list_shows_published_albums_newest_first_with_counts(client, db):
    make_album("Hội thao 2025", taken_on=D(2025, 9, 1), photos=2)
    make_album("Đại hội XX", taken_on=D(2023, 10, 12), photos=1)
    make_album("Album nháp", taken_on=D(2026, 1, 1), published=False)
    response = client.get("/thu-vien-anh/")
    assert response.status_code == 200
    titles = re.findall(r'<span class="album-card__title">(.*?)</span>', response.text)
    assert titles == ["Hội thao 2025", "Đại hội XX"]
    assert "01/09/2025</time> · 2 ảnh" in response.text


def test_album_page_lists_its_photos_in_order_with_lazy_srcset_renditions(client, db):
    album = make_album(photos=3)
    response = client.get(album.get_absolute_url())
    assert response.status_code == 200
    ids = list(album.photos.values_list("id", flat=True))
    assert _photo_links(response.text) == [f"/thu-vien-anh/{album.slug}/anh-{pk}/" for pk in ids]
    [img] = re.findall(r'<li class="photo-grid__item"><a [^>]+>(<img [^>]+>)', response.text)[:1]
    assert 'loading="lazy"' in img and 'width="400" height="300"' in img
    # 800×600 asked, but renditions never enlarge the 640×480 original.
    assert re.search(r'srcset="/media/gallery/[^"]+ 400w, /media/gallery/[^"]+ 640w"', img)
    assert 'sizes="(min-width: 64em) 15rem' in img
    assert 'alt="Chú thích ảnh 1"' in img


def test_photo_page_links_previous_and_next_without_javascript(client, db):
    album = make_album(photos=3)
    first, second, third = album.photos.all()
    base = f"/thu-vien-anh/{album.slug}/anh-"
    page = client.get(f"{base}{second.pk}/")
    assert page.status_code == 200
    assert f'<a class="photo-nav__link" rel="prev" href="{base}{first.pk}/"' in page.text
    assert f'<a class="photo-nav__link" rel="next" href="{base}{third.pk}/"' in page.text
    assert "ảnh 2/3" in page.text and "Chú thích ảnh 2" in page.text
    assert 'fetchpriority="high"' in page.text  # the photo itself is not lazy
    first_page = client.get(f"{base}{first.pk}/").text
    assert 'rel="prev" href' not in first_page
    assert '<span class="photo-nav__link photo-nav__link--off">« Ảnh trước</span>' in first_page
    assert 'rel="next" href' not in client.get(f"{base}{third.pk}/").text


def test_photo_of_another_album_or_an_unpublished_album_is_not_found(client, db):
    album = make_album(photos=1)
    other = make_album("Album khác", photos=1)
    draft = make_album("Album nháp", photos=1, published=False)
    assert client.get(f"/thu-vien-anh/{album.slug}/anh-{other.photos.get().pk}/").status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"{draft.get_absolute_url()}?preview=1").status_code == 404
    assert client.get(f"/thu-vien-anh/{draft.slug}/anh-{draft.photos.get().pk}/").status_code == 404


def test_staff_preview_an_unpublished_album(client, db):
    draft = make_album("Album nháp", photos=1, published=False)
    client.force_login(staff_in("bientap", "Biên tập viên"))
    response = client.get(f"{draft.get_absolute_url()}?preview=1")
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.text


def test_video_page_loads_nothing_from_youtube_before_the_click(client, db):
    video = make_video()
    response = client.get(video.get_absolute_url())
    assert response.status_code == 200
    assert (
        'data-embed="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1&amp;rel=0"'
        in (response.text)
    )
    assert "<iframe" not in response.text
    assert not re.search(r'(src|srcset)="https?://', response.text)  # no third-party fetch
    assert f'href="{YOUTUBE}"' in response.text  # without JavaScript: the provider's page
    assert (
        _csp(response)["frame-src"] == "https://www.youtube-nocookie.com https://www.facebook.com"
    )


@pytest.mark.parametrize("url", ["/", "/thu-vien-anh/", "/video/", "/tim-kiem/?q=video"])
def test_no_other_page_may_frame_anything(client, db, url):
    make_video()
    response = client.get(url)
    assert response.status_code == 200
    assert "frame-src" not in _csp(response)


def test_a_cached_video_page_keeps_its_frame_src(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 30
    video = make_video()
    miss = client.get(video.get_absolute_url())
    hit = client.get(video.get_absolute_url())
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert _csp(hit)["frame-src"] == _csp(miss)["frame-src"]
    assert "frame-src" not in _csp(client.get("/video/"))


def test_an_uploaded_mp4_plays_from_media_with_its_poster(client, db):
    video = make_video(url="", file=SimpleUploadedFile("v.mp4", mp4_bytes()))
    response = client.get(video.get_absolute_url())
    assert re.search(r'<video class="video-file" controls preload="none">', response.text)
    assert re.search(
        r'<source src="/media/gallery/videos/\d{4}/[0-9a-f]{32}\.mp4" type="video/mp4">',
        response.text,
    )


def test_video_list_shows_published_videos_newest_first(client, db):
    make_video("Video cũ", published_on=D(2025, 1, 1))
    make_video("Video mới", published_on=D(2026, 1, 1))
    make_video("Video nháp", is_published=False)
    response = client.get("/video/")
    assert re.findall(r'<span class="video-card__title">(.*?)</span>', response.text) == [
        "Video mới", "Video cũ",
    ]  # fmt: skip


def test_articles_and_congresses_show_their_albums(client, db):
    album = make_album("Album của bài", photos=1)
    article = make_article("Bài có album")
    album.articles.add(article)
    term = TermFactory()
    federation = FederationFactory()
    congress = make_congress(
        make_union(federation, "CĐ Trường Tiểu học Xuân Lập"), term,
        status=Congress.Status.HELD, held_on=D(2023, 3, 10),
    )  # fmt: skip
    album.congresses.add(congress)
    for url in [article.get_absolute_url(), congress.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<h2 id="attached-albums-title">Album ảnh</h2>' in response.text, url
        assert f'href="{album.get_absolute_url()}"' in response.text, url


def test_home_page_shows_the_newest_album_and_videos(client, db):
    make_album("Album cũ", taken_on=D(2020, 1, 1), photos=1)
    make_album("Album mới", taken_on=D(2026, 1, 1), photos=2)
    make_album("Album rỗng", taken_on=D(2026, 6, 1), photos=0)
    make_video("Video trên trang chủ")
    response = client.get("/")
    block = response.text.split('id="home-media-title"')[1]
    assert re.findall(r'<span class="album-card__title">(.*?)</span>', block) == ["Album mới"]
    assert "Video trên trang chủ" in block


def test_sitemaps_list_albums_and_videos(client, db, settings):
    settings.SITE_URL = "https://congdoanthanhhoa.vn"
    album = make_album(photos=1)
    make_album("Album nháp", photos=1, published=False)
    video = make_video()
    found = {
        section: re.findall(r"<loc>(.*?)</loc>", client.get(f"/sitemap-{section}.xml").text)
        for section in ["gallery-section", "albums", "videos"]
    }
    site = settings.SITE_URL
    assert found == {
        "gallery-section": [f"{site}/thu-vien-anh/", f"{site}/video/"],
        "albums": [f"{site}{album.get_absolute_url()}"],
        "videos": [f"{site}{video.get_absolute_url()}"],
    }
    assert f"{site}/sitemap-albums.xml" in client.get("/sitemap.xml").text
