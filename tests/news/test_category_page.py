"""The category page shows what editors typed about the category."""

import re

import pytest

from news.models import Category

pytestmark = pytest.mark.django_db


def meta_description(response) -> str:
    return re.search(r'<meta name="description" content="([^"]*)">', response.text).group(1)


def test_category_page_meta_description_is_the_description_editors_typed(client):
    category = Category.objects.create(
        name="Chính sách pháp luật",
        description="Văn bản mới về tiền lương, bảo hiểm và quyền lợi người lao động.",
    )
    client.get("/")  # the menu's category list is now cached, as it is on a live site
    response = client.get(category.get_absolute_url())
    assert meta_description(response) == (
        "Văn bản mới về tiền lương, bảo hiểm và quyền lợi người lao động."
    )


def test_category_description_edit_shows_on_the_next_request(client):
    category = Category.objects.create(name="Tin tức - Sự kiện", description="Cũ.")
    client.get(category.get_absolute_url())
    category.description = "Tin hoạt động công đoàn trong tỉnh."
    category.save()
    response = client.get(category.get_absolute_url())
    assert meta_description(response) == "Tin hoạt động công đoàn trong tỉnh."


def test_category_without_description_falls_back_to_its_name(client):
    category = Category.objects.create(name="Thời sự")
    assert meta_description(client.get(category.get_absolute_url())).startswith("Thời sự — ")
