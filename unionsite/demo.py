"""Demo content for the site profile, taken from the federation's current site."""

from .models import SiteProfile

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


def seed(*, stdout=None) -> SiteProfile:
    """Create the site profile from the seed page, or leave an existing one as editors left it."""
    profile, created = SiteProfile.objects.get_or_create(pk=1, defaults=PROFILE)
    if stdout:
        stdout.write("Thông tin trang: " + ("đã tạo" if created else "đã có, giữ nguyên"))
    return profile
