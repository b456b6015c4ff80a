"""An article page lists the congresses whose record links to it ("Đại hội liên quan")."""

import datetime

from congresses.models import Congress
from tests.factories import make_article, make_congress, make_union


def test_article_page_links_back_to_the_congresses_that_cite_it(client, tho_xuan, term):
    article = make_article("Thọ Xuân tổ chức thành công đại hội điểm")
    school = make_union(tho_xuan, "Trường Tiểu học Xuân Lập")
    factory = make_union(tho_xuan, "Công ty CP Mía đường Lam Sơn")
    held = make_congress(
        school,
        term,
        kind=Congress.Kind.MODEL,
        status=Congress.Status.HELD,
        held_on=datetime.date(2023, 2, 10),
        article=article,
    )
    planned = make_congress(factory, term, article=article)
    unrelated = make_congress(make_union(tho_xuan, "Trường THCS Lê Lợi"), term)

    page = client.get(article.get_absolute_url()).text

    assert "Đại hội liên quan" in page
    section = page[page.index("Đại hội liên quan") :]
    section = section[: section.index("</section>")]
    assert f'href="{held.get_absolute_url()}"' in section
    assert "Trường Tiểu học Xuân Lập" in section and "10/02/2023" in section
    assert f'href="{planned.get_absolute_url()}"' in section
    assert "Trường THCS Lê Lợi" not in section and unrelated.get_absolute_url() not in section
    # Newest held first, a congress not yet held after it.
    assert section.index("Xuân Lập") < section.index("Mía đường")


def test_article_without_congresses_has_no_empty_section(client, tho_xuan, term):
    article = make_article("Tin không về đại hội")
    make_congress(make_union(tho_xuan, "Trường Tiểu học Xuân Lập"), term)
    assert "Đại hội liên quan" not in client.get(article.get_absolute_url()).text
