from django.apps import AppConfig
from django.db.models.signals import post_migrate


class UnionsiteConfig(AppConfig):
    name = "unionsite"
    verbose_name = "Cấu hình trang"

    def ready(self):
        # Here, not at the top: these import models, which the app registry loads after apps.py.
        from . import folding, signals  # noqa: F401
        from .security import on_post_migrate

        folding.install()
        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="unionsite-admin-group")
