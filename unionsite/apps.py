from django.apps import AppConfig


class UnionsiteConfig(AppConfig):
    name = "unionsite"
    verbose_name = "Cấu hình trang"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import folding, signals  # noqa: F401
        from .security import on_post_migrate

        folding.install()
        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="unionsite-admin-group")
