"""Fill an empty site with demo content; safe to run again (it changes nothing twice)."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Order matters: congresses link to the news article that reported them; documents link to
# the congresses' guiding documents and the article; the demo album to the article; the
# demo topic gathers all of them.
DEMO_MODULES = [
    "unionsite.demo",
    "news.demo",
    "congresses.demo",
    "documents.demo",
    "gallery.demo",
    "questions.demo",
    "topics.demo",
    "stats.demo",
]


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (thông tin trang, tin bài, đại hội, thống kê). Chạy lại không nhân đôi."

    def handle(self, *args, **options):
        for module_name in DEMO_MODULES:
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name != module_name:
                    raise
                continue
            with transaction.atomic():
                module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Dữ liệu mẫu đã sẵn sàng."))
