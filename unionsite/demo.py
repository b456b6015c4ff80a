"""Demo content for the site profile, taken from the federation's current site."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .models import PartnerLink, SiteProfile

PROFILE = {
    "agency_line": "Sở Thông tin và truyền thông Thanh Hóa",
    "site_name": "Trang thông tin điện tử Liên đoàn lao động tỉnh Thanh Hóa",
    "short_name": "LĐLĐ Thanh Hóa",
    "slogan": (
        "CÔNG NHÂN, VIÊN CHỨC, LAO ĐỘNG CHUNG SỨC, HIỆN THỰC HÓA KHÁT VỌNG XÂY DỰNG "
        "QUÊ HƯƠNG THANH HÓA VĂN MINH, THỊNH VƯỢNG"
    ),
    "licence": (
        "Giấy phép số 06/GP-TTĐT do Sở thông tin Truyền thông tỉnh Thanh Hóa ngày 01/9/2021"
    ),
    "address": "Số 37 - Đại lộ Lê Lợi - Tp. Thanh Hóa",
    "phone": "02373.852.369",
    "fax": "02373.852.369",
    "email": "congdoanthanhhoa@thanhhoa.gov.vn",
    "credit_line": (
        "Website được thiết kế bởi Trung tâm Công nghệ thông tin và truyền thông Thanh Hóa"
    ),
}

# Related portals for the footer (Nghị định 42/2022, Điều 7: links to related portals).
PARTNER_LINKS = [
    ("Tổng Liên đoàn Lao động Việt Nam", "https://www.congdoan.vn/"),
    ("Cổng thông tin điện tử tỉnh Thanh Hóa", "https://thanhhoa.gov.vn/"),
    ("Báo Lao động", "https://laodong.vn/"),
]


def seed(*, stdout=None) -> SiteProfile:
    """Create the site profile from the seed page, or leave an existing one as editors left it;
    the partner links only when there are none yet."""
    profile, created = SiteProfile.objects.get_or_create(pk=1, defaults=PROFILE)
    if not PartnerLink.objects.exists():
        for order, (name, url) in enumerate(PARTNER_LINKS):
            PartnerLink.objects.create(name=name, url=url, order=order)
    if stdout:
        stdout.write("Thông tin trang: " + ("đã tạo" if created else "đã có, giữ nguyên"))
    return profile


def demo_staff_account(*, username: str, password: str, group: str, full_name: str, stdout=None):
    """In debug only: a staff account in ``group`` with a local password, printed for the README's
    "Thử với vai biên tập viên / cán bộ LĐLĐ huyện". Returns the user, or None when DEBUG is off
    (a production database never gets an account with a published password).

    An account that exists keeps the password it has (whoever tried the site may have changed it).
    """
    if not settings.DEBUG:
        return None
    User = get_user_model()
    first_name, _, last_name = full_name.rpartition(" ")
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"is_staff": True, "first_name": first_name, "last_name": last_name},
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=group))
    if stdout:
        login = f"{settings.SITE_URL}/{settings.ADMIN_URL}"
        secret = f"mật khẩu: {password}" if created else "mật khẩu đã đặt trước đó"
        stdout.write(f"Tài khoản thử ({group}): {login} — tên: {username} — {secret}")
    return user
