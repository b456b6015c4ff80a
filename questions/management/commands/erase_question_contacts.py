from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from questions.services import erase_old_contacts


class Command(BaseCommand):
    help = (
        "Xóa e-mail và số điện thoại của người hỏi sau khi trả lời (và của người góp ý) quá số "
        "ngày lưu giữ (mặc định QUESTIONS_CONTACT_DAYS = 90). Chạy hằng ngày (deploy/systemd)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.QUESTIONS_CONTACT_DAYS)

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("Số ngày lưu giữ phải là số không âm, ví dụ --days 90.")
        questions, feedback = erase_old_contacts(now=timezone.now(), days=days)
        self.stdout.write(
            f"Đã xóa thông tin liên hệ của {questions} câu hỏi và {feedback} góp ý quá {days} ngày."
        )
