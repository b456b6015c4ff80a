"""Demo content: the Thọ Xuân article from the federation's site, 32 short articles across
four categories, tags and the pages Decree 42/2022/NĐ-CP asks for. Idempotent: records are
looked up by slug and left as they are when they exist."""

import io
import random
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont

from unionsite.demo import demo_staff_account
from unionsite.text import vn_slugify

from . import workflow
from .models import Article, Category, Contributor, Page, Tag

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# The local editor account (debug only), named in README "Thử với vai biên tập viên / cán bộ LĐLĐ huyện".
EDITOR_USERNAME = "bientapvien"
EDITOR_PASSWORD = "bientap-thanhhoa"  # noqa: S105  (local trial account, debug only)
EDITOR_GROUP = "Biên tập viên"  # created by news/migrations/0002_editor_group.py
# The workflow's roles (news/migrations/0005_workflow_groups.py), local trial accounts too.
APPROVER_USERNAME = "duyetbai"
APPROVER_PASSWORD = "duyetbai-thanhhoa"  # noqa: S105  (local trial account, debug only)
APPROVER_GROUP = "Duyệt bài"
CONTRIBUTOR_USERNAME = "congtacvien-thoxuan"
CONTRIBUTOR_PASSWORD = "congtacvien-thanhhoa"  # noqa: S105  (local trial account, debug only)
CONTRIBUTOR_GROUP = "Cộng tác viên"
CONTRIBUTOR_CATEGORIES = ["hoat-dong-cong-doan", "dai-hoi-cong-doan"]
OLD_SITE_THO_XUAN = (
    "/tin-tuc/mot-so-giai-phap-to-chuc-thanh-cong-dai-hoi-diem-cdcs-nhiem-ky-2023-2028-1234.html"
)
WAITING_TITLE = "Công đoàn Thọ Xuân thăm, tặng quà công nhân có hoàn cảnh khó khăn"
THO_XUAN_SLUG = (
    "mot-so-giai-phap-to-chuc-thanh-cong-dai-hoi-diem-cong-doan-co-so-nhiem-ky-2023-2028"
)
THO_XUAN_TITLE = (
    "Một số giải pháp tổ chức thành công Đại hội điểm công đoàn cơ sở, nhiệm kỳ 2023 – 2028"
)
THO_XUAN_SUMMARY = (
    "Đại hội Công đoàn các cấp là đợt sinh hoạt chính trị sâu rộng, có ý nghĩa đặc biệt quan "
    "trọng đối với đoàn viên, người lao động trong toàn huyện."
)
THO_XUAN_CAPTION = "Một số hình ảnh Đại hội điểm CĐCS trên địa bàn huyện"
# The body paragraphs as they stand on the federation's page (typos included).
THO_XUAN_PARAGRAPHS = [
    "Thực hiện Kế hoạch số 61/KH-LĐLĐ ngày 05/4/2022 của Liên đoàn lao động tỉnh Thanh Hóa về việc tổ chức Đại hội Công đoàn cơ sở; Công văn số 562-CV/HU, ngày 24/3/2022 của Huyện ủy Thọ Xuân về lãnh đạo, chỉ đạo Đại hội Công đoàn cấp cơ sở và cấp huyện, nhiệm kỳ 2023 – 2028; Kế hoạch số 185/KH-LĐLĐ, ngày 19/10/2022 của Ban Thường vụ Liên đoàn Lao động huyện Thọ Xuân về việc tổ chức Ðại hội điểm Công đoàn cơ sở nhiệm kỳ 2023 -2028; Ban Thường vụ Liên đoàn lao động huyện Thọ Xuân đã chọn 03 đơn vị để tổ chức Đại hội điểm gồm: Công đoàn cơ sở trường tiểu học Xuân Lập, trường trung học cơ sở Lê Thánh Tông và Công đoàn cơ sở Thị trấn Lam Sơn.",
    "Sau gần một tháng chỉ đạo, tổ chức Đại hội điểm ở 03 đơn vị; qua theo dõi chỉ đạo cho thấy, các Công đoàn cơ sở đã bám sát kế hoạch, hướng dẫn của Liên đoàn lao động huyện; tham mưu, tranh thủ sự lãnh đạo, chỉ đạo của cấp ủy  cùng cấp, sự phối hợp, hỗ trợ, tạo điều kiện của thủ trưởng cơ quan, đơn vị. Nội dung báo cáo chính trị đã bám sát tình hình hoạt động trong nhiệm kỳ 2017 - 2022, công tác nhân sự đã thực hiện đúng quy trình, hướng dẫn của Liên đoàn lao động huyện Thọ Xuân, bảo đảm cơ cấu, coi trọng tiêu chuẩn; việc tổ chức tham gia dự thảo báo cáo chính trị của ban chấp hành công đoàn cấp trên được Đại hội Công đoàn cơ sở quan tâm triển khai nghiêm túc, trang trí khánh tiết đúng qui định, nghi thức đại hội nghiêm trang; công tác điều hành của Đoàn chủ tịch, Ban bầu cử đã bám sát chương trình, quy chế Đại hội, đảm bảo thời gian chương trình. Kết quả Đại hội điểm của 03 đơn vị đã được Liên đoàn lao động tỉnh Thanh Hóa, Huyện ủy Thọ Xuân ghi nhận, đánh giá hoàn thành tốt, được các Công đoàn cơ sở trong cụm về dự đánh giá cao và tiếp thu kinh nghiệm để tổ chức Đại hội của đơn vị mình trong thời gian tới.",
    "Để đạt được kết quả nêu trên, trong quá trình chỉ đạo, Ban Thường vụ Liên đoàn lao động huyện Thọ Xuân đã áp dụng đồng bộ các giải pháp; cụ thể:",
    "Một là: Liên đoàn lao động huyện đã chỉ đạo Công đoàn cơ sở thực hiện tốt công tác tuyên truyền để cán bộ, viên chức, đoàn viên, người lao động thấy được ý nghĩa và tầm quan trong của Đại hội nhiệm kỳ 2023 – 2028; từ đó tạo nên sự đoàn kết, đồng tâm, đồng lòng hướng về Đại hội của tập thể cán bộ, viên chức, đoàn viên, người lao động.",
    "Hai là: Đã tăng cường công tác chỉ đạo triển khai thực hiện kế hoạch đại hội, tiến hành rà soát, kiểm tra công tác chuẩn bị, kịp thời định hướng, hướng dẫn giúp công tác chuẩn bị Đại hội của các Công đoàn cơ sở đảm bảo chặt chẽ, chu đáo, đầy đủ các nội dung theo quy định.",
    "Ba là: Công tác chỉ đạo các Công đoàn cơ sở chuẩn bị văn kiện đại hội, đặc biệt là nội dung báo cáo chính trị mang tính tổng kết đánh giá khái quát cao; đánh giá chính xác những kết quả đạt được, đồng thời làm rõ những tồn tại, hạn chế, đặc biệt chỉ rõ là nguyên nhân chủ quan, khách quan của tồn tại, hạn chế, từ đó làm cơ sở xây dựng phương hướng, nhiệm vụ trọng tâm trong nhiệm kỳ tới.",
    "Bốn là: Liên đoàn lao động huyện đã chỉ đạo chuẩn bị nhân sự Ban chấp hành Công đoàn cơ sở nhiệm kỳ mới đảm bảo đúng quy trình, số dư theo quy định; công tác bầu cử tại Đại hội, Đoàn chủ tịch điều hành đúng trình tự, thủ tục về bầu cử theo quy định; thành viên ban kiểm phiếu phải chọn những đồng chí nhanh nhẹn, có kinh nghiệm, nắm vững nguyên tắc, thủ tục bầu cử để thực hiện nhanh chóng, chính xác việc bầu cử; ban kiểm phiếu phải hướng dẫn cụ thể việc bầu cử, khi điều hành việc bỏ phiếu phải quy định rõ thứ tự nhóm người bỏ phiếu trước, sau một cách cụ thể, nhằm tạo sự nghiêm túc, trang trọng và đảm bảo trật tự khi bỏ phiếu.",
    "Trên cơ sở thành công của Đại hội điểm, trong quí I năm 2023; Ban Thường vụ Liên đoàn lao động huyện Thọ Xuân tếp tục chỉ đạo thành công Đại hội đại trà đối với những Công đoàn cơ sở còn lại với phương châm “Đổi mới - dân chủ - đoàn kết - phát triển”; tiến tới Đại hội X Công đoàn huyện Thọ Xuân, Đại hội XX Công đoàn Thanh Hóa, nhiệm kỳ 2023 – 2028.",
]  # fmt: skip
THO_XUAN_BYLINE = "Doãn Giang"
THO_XUAN_PUBLISHED = datetime(2022, 12, 5, 8, 30, tzinfo=TZ)

CATEGORIES = [
    # name, slug, order, in menu
    ("Tin tức - Sự kiện", "tin-tuc-su-kien", 1, True),
    ("Hoạt động công đoàn", "hoat-dong-cong-doan", 2, True),
    # The main menu already links "Đại hội công đoàn" to the congress progress (/dai-hoi/).
    ("Đại hội công đoàn", "dai-hoi-cong-doan", 3, False),
    ("Chính sách pháp luật", "chinh-sach-phap-luat", 4, True),
]
TAGS = ["Đại hội công đoàn", "Thọ Xuân", "Nhiệm kỳ 2023 – 2028", "Người lao động", "An toàn lao động", "Tiền lương", "Bảo hiểm xã hội", "Mái ấm công đoàn"]  # fmt: skip

# (category slug, title, tags) — short demo articles, newest last.
SHORT_ARTICLES = [
    ("tin-tuc-su-kien", "Liên đoàn Lao động tỉnh tổng kết công tác công đoàn năm 2022", ["Người lao động"]),
    ("tin-tuc-su-kien", "Hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh lần thứ 12", []),
    ("tin-tuc-su-kien", "Trao 500 suất quà Tết cho đoàn viên có hoàn cảnh khó khăn", ["Người lao động"]),
    ("tin-tuc-su-kien", "Chương trình “Tết Sum vầy” năm 2023 tại khu kinh tế Nghi Sơn", ["Người lao động"]),
    ("tin-tuc-su-kien", "Lãnh đạo tỉnh thăm, chúc Tết công nhân lao động các khu công nghiệp", []),
    ("tin-tuc-su-kien", "Phát động Tháng Công nhân năm 2023 với chủ đề an toàn, sức khỏe", ["An toàn lao động"]),
    ("tin-tuc-su-kien", "Tuyên dương 100 đoàn viên công đoàn tiêu biểu toàn tỉnh", []),
    ("tin-tuc-su-kien", "Đoàn công tác Tổng Liên đoàn làm việc tại Thanh Hóa", []),
    ("hoat-dong-cong-doan", "Công đoàn ngành Giáo dục tổ chức hội thi giáo viên dạy giỏi", []),
    ("hoat-dong-cong-doan", "Bàn giao Mái ấm công đoàn cho đoàn viên huyện Ngọc Lặc", ["Mái ấm công đoàn"]),
    ("hoat-dong-cong-doan", "Đối thoại định kỳ giữa doanh nghiệp và người lao động tại Bỉm Sơn", ["Người lao động"]),
    ("hoat-dong-cong-doan", "Ký kết thỏa ước lao động tập thể nhóm doanh nghiệp may mặc", ["Tiền lương"]),
    ("hoat-dong-cong-doan", "Giải bóng đá công nhân lao động huyện Quảng Xương năm 2023", []),
    ("hoat-dong-cong-doan", "Tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở khối doanh nghiệp", []),
    ("hoat-dong-cong-doan", "Công đoàn cơ sở xã Thọ Lập ra mắt mô hình “Bữa cơm công đoàn”", ["Thọ Xuân"]),
    ("hoat-dong-cong-doan", "Khám sức khỏe miễn phí cho 300 công nhân khu công nghiệp Lễ Môn", ["An toàn lao động"]),
    ("dai-hoi-cong-doan", "Đại hội Công đoàn cơ sở trường tiểu học Xuân Lập nhiệm kỳ 2023 – 2028", ["Đại hội công đoàn", "Thọ Xuân", "Nhiệm kỳ 2023 – 2028"]),
    ("dai-hoi-cong-doan", "Công đoàn cơ sở Thị trấn Lam Sơn tổ chức thành công đại hội", ["Đại hội công đoàn", "Thọ Xuân"]),
    ("dai-hoi-cong-doan", "Huyện Như Thanh hoàn thành đại hội công đoàn cơ sở trước thời hạn", ["Đại hội công đoàn", "Nhiệm kỳ 2023 – 2028"]),
    ("dai-hoi-cong-doan", "Hướng dẫn công tác nhân sự đại hội công đoàn các cấp", ["Đại hội công đoàn"]),
    ("dai-hoi-cong-doan", "Đại hội điểm Công đoàn cơ sở Công ty cổ phần Mía đường Lam Sơn", ["Đại hội công đoàn", "Thọ Xuân"]),
    ("dai-hoi-cong-doan", "Liên đoàn Lao động thành phố Sầm Sơn chỉ đạo đại hội điểm", ["Đại hội công đoàn"]),
    ("dai-hoi-cong-doan", "Tiến tới Đại hội XX Công đoàn tỉnh Thanh Hóa", ["Đại hội công đoàn", "Nhiệm kỳ 2023 – 2028"]),
    ("dai-hoi-cong-doan", "Đại hội Công đoàn Khu kinh tế Nghi Sơn và các khu công nghiệp", ["Đại hội công đoàn"]),
    ("chinh-sach-phap-luat", "Điều chỉnh mức lương tối thiểu vùng từ ngày 01/7/2022", ["Tiền lương"]),
    ("chinh-sach-phap-luat", "Hỗ trợ tiền thuê nhà cho người lao động theo Quyết định 08", ["Người lao động"]),
    ("chinh-sach-phap-luat", "Những điểm mới của Bộ luật Lao động về thời giờ làm việc", []),
    ("chinh-sach-phap-luat", "Hướng dẫn rút bảo hiểm xã hội một lần: những điều cần biết", ["Bảo hiểm xã hội"]),
    ("chinh-sach-phap-luat", "Quyền thành lập, gia nhập công đoàn của người lao động", ["Người lao động"]),
    ("chinh-sach-phap-luat", "Trợ giúp pháp lý miễn phí cho đoàn viên công đoàn", []),
    ("chinh-sach-phap-luat", "Chế độ thai sản đối với lao động nữ theo quy định mới", ["Bảo hiểm xã hội"]),
    ("chinh-sach-phap-luat", "Quy định về an toàn, vệ sinh lao động tại doanh nghiệp nhỏ", ["An toàn lao động"]),
]  # fmt: skip

PARAGRAPHS = [
    "Theo Ban Thường vụ Liên đoàn Lao động tỉnh Thanh Hóa, thời gian qua các cấp công đoàn đã chủ động phối hợp với chính quyền, người sử dụng lao động chăm lo đời sống, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, người lao động.",
    "Các hoạt động được triển khai đồng bộ, thiết thực, thu hút đông đảo đoàn viên, người lao động tham gia, góp phần xây dựng quan hệ lao động hài hòa, ổn định và tiến bộ trong doanh nghiệp.",
    "Thời gian tới, Liên đoàn Lao động tỉnh tiếp tục đổi mới nội dung, phương thức hoạt động, hướng mạnh về cơ sở, lấy đoàn viên, người lao động làm trung tâm.",
]  # fmt: skip

PAGES = [
    # slug, title, order, in menu, in footer, body
    ("gioi-thieu", "Giới thiệu", 1, True, True, """
<h2>Chức năng</h2>
<p>Liên đoàn Lao động tỉnh Thanh Hóa là tổ chức công đoàn cấp trên trực tiếp cơ sở của Tổng Liên đoàn Lao động Việt Nam tại địa phương, đại diện cho công nhân, viên chức, lao động trên địa bàn tỉnh; chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên và người lao động; tham gia quản lý nhà nước, quản lý kinh tế – xã hội; tuyên truyền, giáo dục người lao động.</p>
<h2>Nhiệm vụ</h2>
<ul>
<li>Đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, người lao động; tham gia xây dựng quan hệ lao động hài hòa, ổn định, tiến bộ.</li>
<li>Tuyên truyền, phổ biến chủ trương của Đảng, chính sách, pháp luật của Nhà nước và nghị quyết của công đoàn.</li>
<li>Phát triển đoàn viên, thành lập công đoàn cơ sở, xây dựng tổ chức công đoàn vững mạnh.</li>
<li>Hướng dẫn, chỉ đạo các công đoàn cấp dưới tổ chức đại hội, hoạt động theo Điều lệ Công đoàn Việt Nam.</li>
<li>Kiểm tra, giám sát việc thực hiện chế độ, chính sách, pháp luật liên quan đến người lao động.</li>
</ul>"""),
    ("co-cau-to-chuc", "Cơ cấu tổ chức", 2, False, True, """
<h2>Lãnh đạo Liên đoàn</h2>
<p>Ban Chấp hành, Ban Thường vụ và Thường trực Liên đoàn Lao động tỉnh gồm Chủ tịch và các Phó Chủ tịch.</p>
<h2>Các ban chuyên đề</h2>
<ul>
<li>Văn phòng</li>
<li>Ban Tổ chức</li>
<li>Ban Tuyên giáo</li>
<li>Ban Chính sách – Pháp luật</li>
<li>Ban Tài chính</li>
<li>Ủy ban Kiểm tra</li>
</ul>
<h2>Công đoàn cấp trên trực tiếp cơ sở</h2>
<p>Liên đoàn Lao động các huyện, thị xã, thành phố; công đoàn ngành; Công đoàn Khu kinh tế Nghi Sơn và các khu công nghiệp.</p>"""),
    ("lien-he", "Liên hệ", 3, True, True, """
<h2>Liên đoàn Lao động tỉnh Thanh Hóa</h2>
<ul>
<li>Địa chỉ: Số 37 - Đại lộ Lê Lợi - Tp. Thanh Hóa</li>
<li>Điện thoại: <a href="tel:02373852369">02373.852.369</a></li>
<li>Fax: 02373.852.369</li>
<li>Thư điện tử: <a href="mailto:congdoanthanhhoa@thanhhoa.gov.vn">congdoanthanhhoa@thanhhoa.gov.vn</a></li>
</ul>
<h2>Người chịu trách nhiệm nội dung và cán bộ đầu mối</h2>
<p>Theo Nghị định số 42/2022/NĐ-CP, trang thông tin công bố người chịu trách nhiệm và đầu mối liên hệ (dữ liệu mẫu, Ban biên tập cập nhật):</p>
<ul>
<li>Người chịu trách nhiệm quản lý nội dung: Nguyễn Văn An, Chánh Văn phòng Liên đoàn Lao động tỉnh.</li>
<li>Cán bộ đầu mối liên hệ: Lê Thị Bình, Văn phòng; điện thoại <a href="tel:02373852369">02373.852.369</a>; thư điện tử <a href="mailto:congdoanthanhhoa@thanhhoa.gov.vn">congdoanthanhhoa@thanhhoa.gov.vn</a>.</li>
</ul>"""),
]  # fmt: skip

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]
PALETTE = {
    "tin-tuc-su-kien": (11, 74, 143),
    "hoat-dong-cong-doan": (200, 16, 46),
    "dai-hoi-cong-doan": (10, 47, 92),
    "chinh-sach-phap-luat": (31, 110, 67),
}


def _font(size: int):
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return None  # no font with Vietnamese letters: shapes only


def placeholder_photo(*, text: str, colour=(10, 47, 92), size=(1200, 800), seed=0) -> ContentFile:
    """A generated JPEG standing in for a photo: a hall, a stage banner and rows of seats."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    width, height = size
    image = Image.new("RGB", size, (236, 240, 245))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # wall gradient
        shade = int(40 * y / height)
        draw.line([(0, y), (width, y)], fill=tuple(max(0, c - shade) for c in colour))
    banner = (width // 10, height // 10, width * 9 // 10, height * 4 // 10)
    draw.rectangle(banner, fill=(200, 16, 46), outline=(245, 197, 66), width=max(2, width // 200))
    font = _font(max(14, width // 24))
    if font:
        box = draw.textbbox((0, 0), text, font=font)
        x = (width - (box[2] - box[0])) // 2
        y = (banner[1] + banner[3]) // 2 - (box[3] - box[1]) // 2
        draw.text((x, y), text, font=font, fill=(255, 255, 255))
    draw.rectangle((0, height * 6 // 10, width, height), fill=(120, 30, 30))  # floor
    for row in range(4):  # audience heads
        y = height * 6 // 10 + row * height // 12 + height // 30
        for i in range(14):
            x = (i + 0.5) * width / 14 + rng.randint(-10, 10)
            r = width // 70
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(40 + row * 20, 30, 30))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return ContentFile(buffer.getvalue(), name="demo.jpg")


# The English pages Nghị định 42/2022 (Điều 7) asks for, each a translation of a Vietnamese
# page: (slug, title, order, Vietnamese slug, body). Sample text for the demo.
ENGLISH_PAGES = [
    (
        "about",
        "About the Federation",
        1,
        "gioi-thieu",
        """
<p>The Thanh Hoa Provincial Federation of Labour is the provincial organisation of the Vietnam General Confederation of Labour. It represents workers, civil servants and employees in Thanh Hoa province, cares for and protects their lawful rights and interests, takes part in state and socio-economic management, and informs and educates workers.</p>""",
    ),
    (
        "organisational-structure",
        "Organisational structure",
        2,
        "co-cau-to-chuc",
        """
<p>The Federation is led by its Executive Committee, elected by the Provincial Trade Union Congress for a five-year term (2023 – 2028), and its Standing Committee. Under it are the district, town and city federations of labour, the sectoral trade unions and the trade unions of industrial zones, and the grassroots trade unions of agencies, schools and enterprises.</p>""",
    ),
    (
        "functions-and-duties",
        "Functions and duties",
        3,
        "gioi-thieu",
        """
<ul>
<li>Represent and protect the lawful rights and interests of union members and workers; help build harmonious, stable and progressive labour relations.</li>
<li>Communicate the policies and laws of the State and the resolutions of the trade union.</li>
<li>Recruit members, establish grassroots trade unions and build a strong trade union organisation.</li>
<li>Guide the lower-level trade unions in holding their congresses and working under the Charter of the Vietnam Trade Union.</li>
<li>Monitor the application of labour law and of the policies that concern workers.</li>
</ul>""",
    ),
    (
        "contacts",
        "Contacts",
        4,
        "lien-he",
        """
<p><strong>Thanh Hoa Provincial Federation of Labour</strong><br>
37 Le Loi Avenue, Thanh Hoa City, Thanh Hoa Province, Viet Nam<br>
Telephone: +84 237 3852 369 · Fax: +84 237 3852 369<br>
E-mail: congdoanthanhhoa@thanhhoa.gov.vn</p>
<p>The Office of the Federation is the contact point for enquiries in English; the names and telephone numbers of the leadership are on the Vietnamese page “Liên hệ”.</p>""",
    ),
]


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def seed(*, stdout=None) -> None:
    """Create the demo categories, tags, pages and articles that are not there yet."""
    created = 0
    categories = {}
    for name, slug, order, in_menu in CATEGORIES:
        categories[slug], made = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order, "show_in_menu": in_menu}
        )
        created += made
    tags = {}
    for name in TAGS:
        tags[name], made = Tag.objects.get_or_create(name=name)
        created += made
    for slug, title, order, in_menu, in_footer, body in PAGES:
        _, made = Page.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title, "order": order, "show_in_menu": in_menu,
                "show_in_footer": in_footer, "body": body.strip(),
            },
        )  # fmt: skip
        created += made

    vietnamese = {page.slug: page for page in Page.objects.filter(language=Page.Language.VI)}
    for slug, title, order, translates, body in ENGLISH_PAGES:
        _, made = Page.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title, "order": order, "language": Page.Language.EN,
                "translation_of": vietnamese.get(translates), "show_in_menu": False,
                "show_in_footer": False, "body": body.strip(),
            },
        )  # fmt: skip
        created += made

    if not Article.objects.filter(slug=THO_XUAN_SLUG).exists():
        article = Article(
            slug=THO_XUAN_SLUG,
            title=THO_XUAN_TITLE,
            summary=THO_XUAN_SUMMARY,
            body=_paragraphs(THO_XUAN_PARAGRAPHS),
            byline=THO_XUAN_BYLINE,
            cover=placeholder_photo(text="ĐẠI HỘI ĐIỂM CĐCS", seed=1),
            cover_caption=THO_XUAN_CAPTION,
            cover_alt="Đại biểu dự Đại hội điểm công đoàn cơ sở trong hội trường",
            source="Liên đoàn Lao động huyện Thọ Xuân",
            status=Article.Status.PUBLISHED,
            publish_at=THO_XUAN_PUBLISHED,
            featured=True,
        )
        article.save()
        article.categories.set([categories["dai-hoi-cong-doan"], categories["tin-tuc-su-kien"]])
        article.tags.set(
            [tags["Đại hội công đoàn"], tags["Thọ Xuân"], tags["Nhiệm kỳ 2023 – 2028"]]
        )
        # Plausible counts so "Đọc nhiều" has an order (view_count is not editable).
        Article.objects.filter(pk=article.pk).update(view_count=1268)
        created += 1

    # All before the Thọ Xuân article, so it leads the home page.
    start = datetime(2022, 8, 20, 7, 45, tzinfo=TZ)
    for index, (category_slug, title, tag_names) in enumerate(SHORT_ARTICLES):
        category = categories[category_slug]
        publish_at = start + timedelta(days=index * 3 + 1, hours=index % 5)
        defaults = {
            "title": title,
            "summary": f"{title}: thông tin từ {category.name.lower()} của Liên đoàn Lao động tỉnh Thanh Hóa.",
            "body": _paragraphs(PARAGRAPHS),
            "byline": "Ban Tuyên giáo",
            "status": Article.Status.PUBLISHED,
            "publish_at": publish_at,
            "featured": index in (7, 15, 23),
        }  # fmt: skip
        slug = vn_slugify(title)
        if Article.objects.filter(slug=slug).exists():
            continue
        article = Article(slug=slug, **defaults)
        article.cover = placeholder_photo(
            text=category.name.upper(), colour=PALETTE[category_slug], size=(800, 500), seed=index
        )
        article.cover_caption = f"Ảnh minh họa: {category.name}"
        article.save()
        article.categories.set([category])
        article.tags.set([tags[name] for name in tag_names])
        Article.objects.filter(pk=article.pk).update(view_count=(index * 137) % 900 + 40)
        created += 1

    # An address of the old site, as editors import them (news/services.py, docs/workflow.md).
    Redirect.objects.get_or_create(
        site=Site.objects.get_current(),
        old_path=OLD_SITE_THO_XUAN,
        defaults={"new_path": reverse("news:article", kwargs={"slug": THO_XUAN_SLUG})},
    )
    if stdout:
        stdout.write(f"Tin tức: {created} mục mới" if created else "Tin tức: đã có, giữ nguyên")
    demo_staff_account(
        username=EDITOR_USERNAME,
        password=EDITOR_PASSWORD,
        group=EDITOR_GROUP,
        full_name="Biên tập viên Thử",
        stdout=stdout,
    )
    demo_staff_account(
        username=APPROVER_USERNAME,
        password=APPROVER_PASSWORD,
        group=APPROVER_GROUP,
        full_name="Duyệt bài Thử",
        stdout=stdout,
    )
    contributor = demo_staff_account(
        username=CONTRIBUTOR_USERNAME,
        password=CONTRIBUTOR_PASSWORD,
        group=CONTRIBUTOR_GROUP,
        full_name="Cộng tác viên Thọ Xuân",
        stdout=stdout,
    )
    if contributor:
        _contributor_demo(contributor, [categories[slug] for slug in CONTRIBUTOR_CATEGORIES])


def _contributor_demo(user, categories) -> None:
    """The trial contributor's categories, and one article of theirs in the approvers' queue."""
    scope, _ = Contributor.objects.get_or_create(user=user)
    scope.categories.add(*categories)
    if Article.objects.filter(title=WAITING_TITLE).exists():
        return
    article = Article.objects.create(
        title=WAITING_TITLE,
        summary="Ban Thường vụ Liên đoàn Lao động huyện Thọ Xuân thăm 40 công nhân.",
        body=_paragraphs(PARAGRAPHS[:2]),
        byline="Cộng tác viên Thọ Xuân",
        created_by=user,
    )
    article.categories.set(categories[:1])
    workflow.submit_article(article=article, by=user, note="Bài và ảnh của LĐLĐ huyện.")
