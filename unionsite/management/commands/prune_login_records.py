from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from unionsite.security import prune_login_records


class Command(BaseCommand):
    help = (
        "Xóa bản ghi đăng nhập sai (django-axes: địa chỉ IP, trình duyệt) cũ hơn số ngày lưu "
        "giữ (mặc định LOGIN_RECORD_DAYS = 30). Chạy hằng ngày (deploy/systemd)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.LOGIN_RECORD_DAYS)

    def handle(self, *args, days, **options):
        deleted = prune_login_records(now=timezone.now(), days=days)
        self.stdout.write(f"Đã xóa {deleted} bản ghi đăng nhập cũ hơn {days} ngày.")
