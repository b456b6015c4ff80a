"""Articles, categories, tags and pages, saved through the models' own rules."""

import itertools
from datetime import timedelta

import factory
from django.utils import timezone

from news.models import Article, Category, Page, Tag

_counter = itertools.count(1)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")
    order = factory.Sequence(int)


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Chủ đề {n}")


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Trang {n}")
    body = factory.LazyAttribute(lambda page: f"<p>Nội dung {page.title}.</p>")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article, an hour older than the one built before it."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    class Params:
        n = factory.LazyFunction(lambda: next(_counter))
        ago = factory.LazyAttribute(lambda o: timedelta(hours=o.n))

    title = factory.LazyAttribute(lambda o: f"Bài viết số {o.n}")
    summary = factory.LazyAttribute(lambda o: f"Sa-pô của bài {o.n}.")
    body = factory.LazyAttribute(lambda o: f"<p>Nội dung bài {o.n}.</p>")
    status = Article.Status.PUBLISHED
    publish_at = factory.LazyAttribute(lambda o: timezone.now() - o.ago)

    @factory.post_generation
    def categories(self, create, categories, **kwargs):
        if create and categories:
            self.categories.set(categories)

    @factory.post_generation
    def tags(self, create, tags, **kwargs):
        if create and tags:
            self.tags.set(tags)


def make_article(title=None, *, ago=None, **fields) -> Article:
    """A published article (``ago`` = how long ago it was published; negative = scheduled)."""
    if title is not None:
        fields["title"] = title
    if ago is not None:
        fields["ago"] = ago
    return ArticleFactory(**fields)
