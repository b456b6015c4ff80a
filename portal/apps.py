from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Cổng thông tin"

    def ready(self):
        # Connects the page cache's "content changed" receiver.
        from . import pagecache  # noqa: F401
