from django.urls import reverse

from unionsite.links import SiteUrlSitemap

from .models import Question, Topic


class QuestionSectionSitemap(SiteUrlSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return [reverse("questions:list"), reverse("questions:ask")] + [
            reverse("questions:topic", kwargs={"topic_slug": slug})
            for slug in Topic.objects.values_list("slug", flat=True)
        ]

    def location(self, item):
        return item


class QuestionSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return (
            Question.objects.published().only("slug", "updated_at").order_by("-published_at", "-pk")
        )

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"question-section": QuestionSectionSitemap, "questions": QuestionSitemap}
