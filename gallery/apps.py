from django.apps import AppConfig


class GalleryConfig(AppConfig):
    name = "gallery"
    verbose_name = "Thư viện ảnh, video"

    def ready(self):
        # Here, not at the top: signals imports models, loaded after apps.py.
        from . import signals  # noqa: F401
