import io

from django.core.management import call_command

from topics.demo import SLUG, seed
from topics.models import Topic


def test_seed_demo_makes_one_topic_with_every_part_and_the_english_pages(db, client):
    call_command("seed_demo", stdout=io.StringIO())
    seed()  # again: nothing changes
    topic = Topic.objects.get()
    assert topic.slug == SLUG
    assert topic.tag.name == "Đại hội công đoàn"
    assert topic.documents.count() == 3
    assert topic.albums.count() == 1
    assert topic.congresses.count() >= 2
    assert client.get(topic.get_absolute_url()).status_code == 200
    assert client.get("/en/about/").status_code == 200
    assert "Tổng Liên đoàn Lao động Việt Nam" in client.get("/").text
