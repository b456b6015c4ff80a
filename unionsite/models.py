from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.db import models

from .images import reencode_image, validate_image_upload

PROFILE_CACHE_KEY = "unionsite:profile:v1"


class SiteProfile(models.Model):
    """The one record that holds what the header and footer say.

    Editors change the agency line, slogan, licence and contacts in the admin; nothing of it
    is written into templates. There is exactly one row (pk=1).
    """

    agency_line = models.CharField("Dòng cơ quan chủ quản", max_length=200, blank=True)
    site_name = models.CharField("Tên trang", max_length=200)
    short_name = models.CharField("Tên ngắn", max_length=80, blank=True)
    slogan = models.CharField("Khẩu hiệu", max_length=300, blank=True)
    licence = models.CharField("Giấy phép", max_length=300, blank=True)
    address = models.CharField("Địa chỉ", max_length=300, blank=True)
    phone = models.CharField("Điện thoại", max_length=60, blank=True)
    fax = models.CharField("Fax", max_length=60, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    credit_line = models.CharField("Dòng thiết kế", max_length=300, blank=True)
    logo = models.ImageField(
        "Biểu trưng", upload_to="site/", blank=True, validators=[validate_image_upload]
    )
    updated_at = models.DateTimeField("Cập nhật", auto_now=True)

    class Meta:
        verbose_name = "Thông tin trang"
        verbose_name_plural = "Thông tin trang"

    def __str__(self):
        return self.site_name

    def save(self, *args, **kwargs):
        self.pk = 1
        if self.logo and not self.logo._committed:
            # A new upload: pixels only, under a random name (unionsite.images).
            self.logo = reencode_image(self.logo.file)
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "SiteProfile":
        """The profile, from the cache when possible (one cache hit per page)."""
        profile = cache.get(PROFILE_CACHE_KEY)
        if profile is None:
            profile = cls.objects.filter(pk=1).first() or cls.default()
            cache.set(PROFILE_CACHE_KEY, profile, 60)
        return profile

    @classmethod
    def default(cls) -> "SiteProfile":
        """An unsaved profile with only the site name: before seeding, and for error pages
        that must render without the database."""
        return cls(site_name=DEFAULT_SITE_NAME)


DEFAULT_SITE_NAME = "Liên đoàn Lao động tỉnh Thanh Hóa"


class AuditEntry(LogEntry):
    """Django's admin log under a Vietnamese name, for the read-only "Nhật ký thay đổi" list.

    A proxy: no table of its own. (Django's own Vietnamese name for LogEntry, "mục đăng
    nhập", reads as "login entry", which it is not.)
    """

    class Meta:
        proxy = True
        verbose_name = "Nhật ký thay đổi"
        verbose_name_plural = "Nhật ký thay đổi"
        ordering = ["-action_time"]
