from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.core.validators import URLValidator
from django.db import models

from .images import reencode_image, validate_image_upload

PROFILE_CACHE_KEY = "unionsite:profile:v1"
PARTNERS_CACHE_KEY = "unionsite:partners:v1"
IMAGE_HELP = "JPEG, PNG, WebP hoặc GIF; tối đa 10 MB và 40 triệu điểm ảnh."
# The header shows the emblem at 3.6rem; 256 px covers a 4x screen.
LOGO_MAX_SIDE = 256
BANNER_MAX_SIDE = 600


def _reencoded(fieldfile, *, max_side):
    """A new upload in ``fieldfile`` re-encoded under a random name; a stored file unchanged."""
    if fieldfile and not fieldfile._committed:
        return reencode_image(fieldfile.file, max_side=max_side)
    return fieldfile


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
        "Biểu trưng", upload_to="site/", blank=True, validators=[validate_image_upload],
        help_text=f"Biểu trưng (logo) ở đầu trang; để trống sẽ hiện chữ “CĐ”. {IMAGE_HELP}",
    )  # fmt: skip
    updated_at = models.DateTimeField("Cập nhật", auto_now=True)

    class Meta:
        verbose_name = "Thông tin trang"
        verbose_name_plural = "Thông tin trang"

    def __str__(self):
        return self.site_name

    def save(self, *args, **kwargs):
        self.pk = 1
        self.logo = _reencoded(self.logo, max_side=LOGO_MAX_SIDE)
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


class PartnerLink(models.Model):
    """A related portal linked from every page's footer (and the home page's banners):
    Tổng Liên đoàn Lao động Việt Nam, Cổng thông tin điện tử tỉnh, Báo Lao động…"""

    name = models.CharField("Tên website", max_length=200)
    url = models.URLField(
        "Địa chỉ", max_length=500, validators=[URLValidator(schemes=["http", "https"])]
    )
    banner = models.ImageField(
        "Ảnh banner", upload_to="site/partners/", blank=True,
        width_field="banner_width", height_field="banner_height",
        validators=[validate_image_upload],
        help_text=f"Không bắt buộc; hiện ở cột bên trang chủ. {IMAGE_HELP}",
    )  # fmt: skip
    banner_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    banner_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    order = models.PositiveSmallIntegerField("Thứ tự", default=0)
    is_active = models.BooleanField("Hiển thị", default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "Liên kết website"
        verbose_name_plural = "Liên kết website"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.banner = _reencoded(self.banner, max_side=BANNER_MAX_SIDE)
        super().save(*args, **kwargs)

    @classmethod
    def shown(cls) -> list["PartnerLink"]:
        """The links readers see, in order, from the cache when possible (one query cold)."""
        links = cache.get(PARTNERS_CACHE_KEY)
        if links is None:
            links = list(cls.objects.filter(is_active=True).order_by("order", "name"))
            cache.set(PARTNERS_CACHE_KEY, links, 3600)
        return links


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
