from django.apps import AppConfig


class UnionsiteConfig(AppConfig):
    name = "unionsite"
    verbose_name = "Cấu hình trang"

    def ready(self):
        from . import signals  # noqa: F401
