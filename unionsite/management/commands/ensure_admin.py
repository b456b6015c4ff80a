"""Create the local admin account for `make run`, or reuse the one that exists."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Tạo (hoặc dùng lại) tài khoản quản trị cục bộ cho máy phát triển."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("DEV_ADMIN_USER", "admin"))
        parser.add_argument(
            "--password", default=os.environ.get("DEV_ADMIN_PASSWORD", "admin-thanhhoa")
        )

    def handle(self, *args, username, password, **options):
        User = get_user_model()
        login_url = f"{settings.SITE_URL}/{settings.ADMIN_URL}"
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Dùng lại tài khoản quản trị '{username}'. Đăng nhập: {login_url} "
                "với mật khẩu đã đặt trước đó."
            )
            return
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            f"Đã tạo tài khoản quản trị. Đăng nhập: {login_url} "
            f"— tên: {username} — mật khẩu: {password}"
        )
