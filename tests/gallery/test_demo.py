from gallery import demo
from gallery.models import Album, Photo, Video
from tests.factories import make_article


def test_demo_album_and_video_are_seeded_once(db):
    make_article("Bài Thọ Xuân", slug=demo.THO_XUAN_SLUG)
    demo.seed()
    demo.seed()
    album = Album.objects.get()
    assert [p.caption for p in album.photos.all()] == [caption for _, caption, _ in demo.PHOTOS]
    assert album.cover == album.photos.first()
    assert list(album.articles.values_list("slug", flat=True)) == [demo.THO_XUAN_SLUG]
    assert Photo.objects.count() == len(demo.PHOTOS)
    video = Video.objects.get()
    assert (video.provider, video.provider_key) == ("youtube", "M7lc1UVf-VE")
    assert video.poster.name.startswith("gallery/posters/") and video.poster_width == 1280
