import xml.etree.ElementTree as ET  # noqa: S405 - parses our own output

from django.conf import settings

from congresses.models import Congress
from tests.factories import make_congress, make_union

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client) -> set[str]:
    """Every <loc> of the sitemap files that the index at /sitemap.xml lists."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    locations = set()
    for part in ET.fromstring(index.content).findall("s:sitemap/s:loc", NS):  # noqa: S314
        path, _, query = part.text.removeprefix(settings.SITE_URL).partition("?")
        response = client.get(path, dict([query.split("=")]) if query else {})
        assert response.status_code == 200, part.text
        root = ET.fromstring(response.content)  # noqa: S314 - our own output
        locations |= {loc.text for loc in root.findall("s:url/s:loc", NS)}
    return locations


def test_sitemap_lists_congress_section_federations_and_current_congresses(
    client, term, tho_xuan, dong_son
):
    union = make_union(tho_xuan, "Trường tiểu học Xuân Lập")
    congress = make_congress(union, term, status=Congress.Status.PLANNED)
    site = settings.SITE_URL
    locations = sitemap_locations(client)
    assert {
        f"{site}/dai-hoi/",
        f"{site}/dai-hoi/dai-hoi-diem/",
        f"{site}{tho_xuan.get_absolute_url()}",
        f"{site}{dong_son.get_absolute_url()}",
        f"{site}{congress.get_absolute_url()}",
    } <= locations
    # Every congress address in the sitemap is a page a reader can open.
    for location in locations:
        if "/dai-hoi/" in location:
            assert client.get(location.removeprefix(site)).status_code == 200, location
