"""A demo topic gathering the 2023 – 2028 congress season: the articles tagged "Đại hội công
đoàn", the three guiding documents, the demo album and the Thọ Xuân model congresses and the
province congress. Run after the news, congresses, documents and gallery demos; an existing
topic is left as editors left it."""

from congresses.demo import PROVINCE
from congresses.models import Congress
from documents.models import Document
from gallery.demo import ALBUM_SLUG
from gallery.models import Album
from news.models import Tag

from .models import Topic

SLUG = "dai-hoi-cong-doan-cac-cap-nhiem-ky-2023-2028"
TOPIC = {
    "title": "Đại hội Công đoàn các cấp, nhiệm kỳ 2023 – 2028",
    "intro": (
        "<p>Tin bài, văn bản chỉ đạo, hình ảnh và kết quả đại hội công đoàn các cấp tỉnh Thanh "
        "Hóa tiến tới Đại hội XX Công đoàn tỉnh, nhiệm kỳ 2023 – 2028 (chuyên đề mẫu).</p>"
    ),
    "is_published": True,
}
DOCUMENT_NUMBERS = ["61/KH-LĐLĐ", "562-CV/HU", "185/KH-LĐLĐ"]


def seed(*, stdout=None) -> None:
    if Topic.objects.filter(slug=SLUG).exists():
        if stdout:
            stdout.write("Chuyên đề: đã có, giữ nguyên")
        return
    topic = Topic.objects.create(
        slug=SLUG, tag=Tag.objects.filter(name="Đại hội công đoàn").first(), **TOPIC
    )
    topic.documents.add(*Document.objects.filter(number__in=DOCUMENT_NUMBERS))
    topic.albums.add(*Album.objects.filter(slug=ALBUM_SLUG))
    topic.congresses.add(
        *Congress.objects.filter(organisation__code=PROVINCE["code"]),
        *Congress.objects.filter(kind=Congress.Kind.MODEL).order_by("held_on", "id")[:3],
    )
    if stdout:
        stdout.write(f"Chuyên đề: {topic.title}")
