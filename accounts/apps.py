from django.apps import AppConfig, apps


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Tài khoản"

    def ready(self):
        # django-axes names its admin section after the package ("Axes"); staff read Vietnamese.
        if apps.is_installed("axes"):
            apps.get_app_config("axes").verbose_name = "Đăng nhập"
