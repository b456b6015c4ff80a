from django.apps import AppConfig


class CongressesConfig(AppConfig):
    name = "congresses"
    verbose_name = "Đại hội công đoàn"
