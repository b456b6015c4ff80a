from django.core.management.base import BaseCommand

from stats import clock, services


class Command(BaseCommand):
    help = (
        "Xóa mã khách đã rời khỏi cửa sổ online 5 phút. Mỗi lượt ghi đã tự dọn; lệnh này cho "
        "trang vắng khách (chạy bằng cron, ví dụ mỗi 5 phút)."
    )

    def handle(self, *args, **options):
        deleted = services.prune_online(now=clock.now())
        self.stdout.write(f"Đã xóa {deleted} mã khách quá 5 phút.")
