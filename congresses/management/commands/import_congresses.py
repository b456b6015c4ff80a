"""Import a spreadsheet of unions and congress results, as the admin does, from the shell."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congresses.models import Organisation
from congresses.services import ImportFileError, import_congresses, read_dataset

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Nhập danh sách công đoàn cơ sở và kết quả đại hội từ tệp .xlsx/.csv (theo tệp mẫu). "
        "Cả tệp được lưu hoặc không dòng nào được lưu."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp .xlsx hoặc .csv")
        parser.add_argument(
            "--federation",
            metavar="CODE",
            help="Chỉ nhận các dòng của công đoàn cấp trên có mã này (ví dụ THOXUAN).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Chạy thử: kiểm tra và báo lỗi, không lưu."
        )
        parser.add_argument(
            "--tao-moi",
            metavar="DÒNG",
            type=int,
            action="append",
            default=[],
            dest="accept_similar",
            help="Vẫn tạo đơn vị mới ở dòng này dù tên gần giống một đơn vị đã có (lặp lại được).",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp “{path}”.")
        federation = None
        if options["federation"]:
            federation = (
                Organisation.objects.federations()
                .filter(code__iexact=options["federation"])
                .first()
            )
            if federation is None:
                raise CommandError(
                    f"Không có công đoàn cấp trên nào mang mã “{options['federation']}”."
                )
        content = path.read_bytes()
        try:
            total = len(read_dataset(content=content, filename=path.name)[0])
        except ImportFileError as exc:
            raise CommandError(str(exc)) from None

        interactive = self.stdout.isatty()
        step = max(1, total // 20)

        def progress(row_number: int) -> None:
            if row_number % step and row_number != total:
                return
            filled = BAR_WIDTH * row_number // max(total, 1)
            bar = "█" * filled + "·" * (BAR_WIDTH - filled)
            self.stdout.write(
                f"[{bar}] {row_number}/{total} dòng", ending="\r" if interactive else "\n"
            )
            self.stdout.flush()

        report = import_congresses(
            content=content,
            filename=path.name,
            federation=federation,
            dry_run=options["dry_run"],
            accept_similar=frozenset(options["accept_similar"]),
            progress=progress,
        )
        if interactive:
            self.stdout.write("")
        if not report.ok:
            for message in report.errors:
                self.stderr.write(message)
            raise CommandError(
                f"Tệp có {len(report.errors)} lỗi; không dòng nào được lưu. Sửa các dòng trên "
                "rồi nhập lại."
            )
        for row in report.held_rows:
            self.stderr.write(
                f"Dòng {row.number}: giữ lại “{row.name}”, có thể trùng với: "
                f"{', '.join(row.similar)}. Thêm --tao-moi {row.number} nếu đúng là đơn vị mới."
            )
        summary = (
            f"{report.total_rows} dòng: {report.new} mới, {report.updated} cập nhật, "
            f"{report.skipped} không đổi."
        )
        if report.held:
            summary += f" {report.held} dòng giữ lại."
        if report.dry_run:
            self.stdout.write(self.style.SUCCESS(f"Chạy thử hợp lệ, chưa lưu. {summary}"))
        else:
            self.stdout.write(self.style.SUCCESS(f"Đã nhập. {summary}"))
