from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        # Connects the cache-invalidation receivers; here because they import the models.
        from . import signals  # noqa: F401
