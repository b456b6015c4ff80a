"""Demo album (generated photos, attached to the Thọ Xuân article) and a YouTube video item.

Idempotent: the album and the video are looked up by slug and left as editors left them.
Run after ``news.demo`` (the article the album is attached to).
"""

import datetime

from news.demo import THO_XUAN_SLUG, placeholder_photo
from news.models import Article

from . import services
from .models import Album, Video

ALBUM_SLUG = "dai-hoi-diem-cong-doan-co-so-huyen-tho-xuan"
ALBUM = {
    "title": "Đại hội điểm Công đoàn cơ sở huyện Thọ Xuân, nhiệm kỳ 2023 – 2028",
    "taken_on": datetime.date(2022, 12, 2),
    "description": (
        "Một số hình ảnh tại Đại hội điểm Công đoàn cơ sở trên địa bàn huyện Thọ Xuân (ảnh mẫu "
        "cho bản demo)."
    ),
    "is_published": True,
}
# (banner text, caption, colour)
PHOTOS = [
    ("ĐẠI HỘI ĐIỂM CĐCS", "Toàn cảnh hội trường đại hội", (10, 47, 92)),
    ("BÁO CÁO CHÍNH TRỊ", "Đồng chí Chủ tịch công đoàn cơ sở trình bày báo cáo", (12, 61, 117)),
    ("BẦU BAN CHẤP HÀNH", "Đại biểu bỏ phiếu bầu Ban Chấp hành nhiệm kỳ mới", (11, 74, 143)),
    ("RA MẮT BCH MỚI", "Ban Chấp hành nhiệm kỳ 2023 – 2028 ra mắt đại hội", (18, 96, 176)),
]
VIDEO_SLUG = "video-mau-huong-dan-xem-video"
VIDEO = {
    "title": "Video mẫu: cách xem video trên trang (bản demo)",
    "description": (
        "Một video YouTube mẫu để thử trình phát: trình phát chỉ được tải khi bạn bấm phát. "
        "Biên tập viên thay bằng video của Liên đoàn trong trang quản trị."
    ),
    # The sample video of YouTube's own player documentation.
    "url": "https://www.youtube.com/watch?v=M7lc1UVf-VE",
    "published_on": datetime.date(2022, 12, 5),
    "is_published": True,
}


def seed(*, stdout=None) -> None:
    album = Album.objects.filter(slug=ALBUM_SLUG).first()
    if album is None:
        album = Album.objects.create(slug=ALBUM_SLUG, **ALBUM)
        prepared = [
            services.prepare_photo(placeholder_photo(text=text, colour=colour, seed=i))
            for i, (text, _, colour) in enumerate(PHOTOS)
        ]
        photos = services.add_photos(album=album, photos=prepared)
        for photo, (_, caption, _) in zip(photos, PHOTOS, strict=True):
            photo.caption = caption
            photo.save(update_fields=["caption"])
        article = Article.objects.filter(slug=THO_XUAN_SLUG).first()
        if article is not None:
            album.articles.add(article)
    if not Video.objects.filter(slug=VIDEO_SLUG).exists():
        poster = placeholder_photo(text="VIDEO MẪU", colour=(179, 17, 31), size=(1280, 720), seed=9)
        Video.objects.create(slug=VIDEO_SLUG, poster=poster, **VIDEO)
    if stdout:
        stdout.write(
            f"Thư viện ảnh: {album.photos.count()} ảnh trong album mẫu; video mẫu sẵn sàng."
        )
