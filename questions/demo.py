"""Demo Hỏi đáp: ten answered questions on the topics workers ask most, one waiting for an
answer, one feedback message, and (debug only) a trial adviser account.

The questions and answers are written for the demo from the laws they cite (Bộ luật Lao động
2019, Luật Bảo hiểm xã hội, Luật An toàn, vệ sinh lao động 2015, Luật Việc làm 2013, Nghị
định 74/2024/NĐ-CP…) as they stood when written; they say so on the page. Idempotent: each is
found again by its fixed form nonce, and an existing one is left as staff left it. No demo
question carries an e-mail or phone of a real person.
"""

import datetime

from django.utils import timezone

from unionsite.demo import demo_staff_account

from .models import DEFAULT_DEPARTMENTS, DEFAULT_TOPICS, Department, Feedback, Question, Topic
from .permissions import ADVISER_GROUP

ADVISER_USERNAME = "tuvan"
ADVISER_PASSWORD = "tuvan-thanhhoa"  # noqa: S105  (debug-only trial account, README)
NOTE = "<p><em>Câu trả lời mẫu cho bản demo, theo quy định tại thời điểm viết.</em></p>"

# (nonce, topic, name, district, days ago answered, title, question, answer paragraphs)
QUESTIONS = [
    ("demo-luong-toi-thieu", "Tiền lương", "Nguyễn Thị Hoa", "Huyện Hoằng Hóa", 120,
     "Mức lương tối thiểu vùng áp dụng cho công nhân may ở Thanh Hóa là bao nhiêu?",
     "Tôi làm công nhân may ở một công ty trong huyện, hợp đồng ghi lương 3.500.000 đồng/tháng. "
     "Xin hỏi mức lương tối thiểu vùng hiện nay là bao nhiêu, công ty trả như vậy có đúng không?",
     ["Theo Nghị định 74/2024/NĐ-CP, từ ngày 01/7/2024 mức lương tối thiểu tháng là: vùng I "
      "4.960.000 đồng, vùng II 4.410.000 đồng, vùng III 3.860.000 đồng, vùng IV 3.450.000 đồng.",
      "Địa bàn thuộc vùng nào được quy định tại Phụ lục của Nghị định theo đơn vị hành chính nơi "
      "doanh nghiệp hoạt động. Nếu công ty của bạn hoạt động trên địa bàn vùng III thì mức lương "
      "trả cho công việc giản đơn nhất trong điều kiện bình thường không được thấp hơn 3.860.000 "
      "đồng/tháng; mức 3.500.000 đồng là thấp hơn quy định.",
      "Bạn có thể đề nghị công đoàn cơ sở hoặc Liên đoàn Lao động huyện đối thoại với công ty, "
      "hoặc phản ánh tới Phòng Lao động – Thương binh và Xã hội của huyện."]),
    ("demo-dong-bhxh", "Bảo hiểm xã hội", "Lê Văn Nam", "Thị xã Nghi Sơn", 100,
     "Người lao động và công ty mỗi bên đóng bảo hiểm bao nhiêu phần trăm?",
     "Công ty trừ vào lương của tôi 10,5% để đóng bảo hiểm. Tỷ lệ này có đúng không và công ty "
     "phải đóng bao nhiêu?",
     ["Tỷ lệ 10,5% trừ vào lương là đúng: người lao động đóng 8% vào quỹ hưu trí và tử tuất, "
      "1,5% bảo hiểm y tế và 1% bảo hiểm thất nghiệp.",
      "Người sử dụng lao động đóng 21,5%: 14% quỹ hưu trí và tử tuất, 3% quỹ ốm đau và thai sản, "
      "0,5% quỹ tai nạn lao động, bệnh nghề nghiệp, 3% bảo hiểm y tế và 1% bảo hiểm thất nghiệp.",
      "Các tỷ lệ tính trên tiền lương tháng đóng bảo hiểm xã hội (mức lương, phụ cấp lương và "
      "các khoản bổ sung ghi trong hợp đồng lao động). Bạn có thể tra cứu quá trình đóng trên "
      "ứng dụng VssID của Bảo hiểm xã hội Việt Nam."]),
    ("demo-thai-san", "Bảo hiểm xã hội", "Trần Thị Mai", "Thành phố Thanh Hóa", 90,
     "Lao động nữ sinh con được nghỉ thai sản bao lâu và hưởng bao nhiêu?",
     "Tôi dự sinh vào tháng tới, đã đóng bảo hiểm xã hội được 2 năm. Tôi được nghỉ bao lâu, "
     "được nhận những khoản tiền nào?",
     ["Lao động nữ sinh con được nghỉ thai sản 6 tháng (Điều 139 Bộ luật Lao động 2019); sinh "
      "đôi trở lên thì từ con thứ hai mỗi con được nghỉ thêm 1 tháng. Thời gian nghỉ trước khi "
      "sinh không quá 2 tháng.",
      "Bạn đã đóng bảo hiểm xã hội đủ 6 tháng trong 12 tháng trước khi sinh nên được hưởng chế độ: "
      "mỗi tháng nghỉ được trả 100% mức bình quân tiền lương tháng đóng bảo hiểm xã hội của 6 "
      "tháng liền kề trước khi nghỉ, và trợ cấp một lần cho mỗi con bằng 2 lần mức lương cơ sở.",
      "Hết thời gian nghỉ, nếu sức khỏe còn yếu bạn có thể được nghỉ dưỡng sức, phục hồi sức "
      "khỏe từ 5 đến 7 ngày. Công ty không được sa thải hoặc đơn phương chấm dứt hợp đồng vì lý do "
      "kết hôn, mang thai, nghỉ thai sản."]),
    ("demo-lam-them-gio", "Lao động – việc làm", "Phạm Đức Anh", "Huyện Triệu Sơn", 80,
     "Công ty được yêu cầu làm thêm giờ tối đa bao nhiêu giờ một tháng?",
     "Mùa cao điểm công ty yêu cầu chúng tôi làm thêm 3 đến 4 giờ mỗi ngày, kể cả chủ nhật. "
     "Luật giới hạn làm thêm như thế nào và tiền làm thêm tính ra sao?",
     ["Theo Điều 107 Bộ luật Lao động 2019, làm thêm giờ phải được người lao động đồng ý; số giờ "
      "làm thêm không quá 50% số giờ làm việc bình thường trong một ngày (tổng cộng không quá 12 "
      "giờ một ngày), không quá 40 giờ một tháng và không quá 200 giờ một năm; một số ngành, "
      "nghề như dệt, may, da giày, chế biến nông sản được làm thêm đến 300 giờ một năm.",
      "Tiền làm thêm (Điều 98) ít nhất bằng 150% tiền lương giờ vào ngày thường, 200% vào ngày "
      "nghỉ hằng tuần và 300% vào ngày lễ, tết, ngày nghỉ có hưởng lương; làm thêm vào ban đêm "
      "được trả thêm theo quy định.",
      "Nếu công ty yêu cầu vượt giới hạn, bạn và công đoàn cơ sở có quyền từ chối và phản ánh "
      "tới cơ quan quản lý lao động."]),
    ("demo-doan-phi", "Công đoàn", "Hoàng Thị Lan", "Huyện Thọ Xuân", 70,
     "Đoàn viên công đoàn đóng đoàn phí bao nhiêu? Công ty có phải đóng kinh phí công đoàn?",
     "Tôi mới vào công đoàn cơ sở của công ty. Mỗi tháng tôi phải đóng đoàn phí bao nhiêu, và "
     "khoản 2% kinh phí công đoàn là ai đóng?",
     ["Đoàn viên đóng đoàn phí bằng 1% tiền lương làm căn cứ đóng bảo hiểm xã hội, tối đa bằng "
      "10% mức lương cơ sở, theo quy định của Tổng Liên đoàn Lao động Việt Nam.",
      "Kinh phí công đoàn 2% quỹ tiền lương làm căn cứ đóng bảo hiểm xã hội do doanh nghiệp đóng, "
      "không trừ vào lương người lao động, và doanh nghiệp phải đóng dù đã có hay chưa có công "
      "đoàn cơ sở (Luật Công đoàn).",
      "Đoàn phí và kinh phí công đoàn dùng để chăm lo, bảo vệ quyền lợi đoàn viên: thăm hỏi ốm "
      "đau, hỗ trợ hoàn cảnh khó khăn, tổ chức đối thoại, tư vấn pháp luật miễn phí như mục này."]),
    ("demo-thu-viec", "Lao động – việc làm", "Vũ Minh Tuấn", "Huyện Quảng Xương", 60,
     "Thời gian thử việc tối đa bao lâu, lương thử việc tối thiểu bao nhiêu?",
     "Tôi tốt nghiệp cao đẳng, công ty yêu cầu thử việc 3 tháng với 70% lương. Như vậy có đúng "
     "luật không?",
     ["Theo Điều 25 Bộ luật Lao động 2019, thời gian thử việc chỉ được thỏa thuận một lần cho một "
      "công việc và không quá 60 ngày với công việc cần trình độ cao đẳng trở lên (180 ngày với "
      "người quản lý doanh nghiệp; 30 ngày với trình độ trung cấp, công nhân kỹ thuật; 6 ngày làm "
      "việc với công việc khác).",
      "Tiền lương thử việc do hai bên thỏa thuận nhưng ít nhất bằng 85% mức lương của công việc đó "
      "(Điều 26). Yêu cầu thử việc 3 tháng với 70% lương là trái quy định ở cả hai điểm."]),
    ("demo-nghi-viec", "Lao động – việc làm", "Đỗ Thị Hạnh", "Huyện Đông Sơn", 50,
     "Muốn nghỉ việc thì phải báo trước cho công ty bao nhiêu ngày?",
     "Tôi có hợp đồng lao động 24 tháng, nay muốn nghỉ việc để chuyển chỗ làm. Tôi phải báo "
     "trước bao lâu để không bị coi là nghỉ trái luật?",
     ["Theo Điều 35 Bộ luật Lao động 2019, người lao động có quyền đơn phương chấm dứt hợp đồng "
      "nhưng phải báo trước: ít nhất 45 ngày với hợp đồng không xác định thời hạn; 30 ngày với "
      "hợp đồng từ 12 đến 36 tháng; 3 ngày làm việc với hợp đồng dưới 12 tháng.",
      "Với hợp đồng 24 tháng, bạn cần báo trước ít nhất 30 ngày. Bạn không cần báo trước nếu công "
      "ty không trả đủ lương hoặc trả không đúng hạn, ngược đãi, quấy rối tình dục, không bố trí "
      "đúng công việc, địa điểm đã thỏa thuận…",
      "Trong 14 ngày làm việc kể từ ngày chấm dứt hợp đồng, hai bên phải thanh toán đầy đủ các "
      "khoản; công ty phải trả lại sổ bảo hiểm xã hội và giấy tờ của bạn."]),
    ("demo-nghi-phep", "Lao động – việc làm", "Bùi Văn Hùng", "Huyện Yên Định", 40,
     "Mỗi năm người lao động được nghỉ phép bao nhiêu ngày?",
     "Tôi làm ở nhà máy đã 6 năm, công việc bình thường. Tôi được nghỉ phép năm bao nhiêu ngày, "
     "nghỉ không hết thì có được trả tiền không?",
     ["Theo Điều 113 Bộ luật Lao động 2019, người làm đủ 12 tháng được nghỉ hằng năm, hưởng "
      "nguyên lương: 12 ngày làm việc với công việc trong điều kiện bình thường; 14 ngày với "
      "người chưa thành niên, người khuyết tật, công việc nặng nhọc, độc hại; 16 ngày với công "
      "việc đặc biệt nặng nhọc, độc hại.",
      "Cứ đủ 5 năm làm việc cho một người sử dụng lao động thì được thêm 1 ngày (Điều 114): bạn "
      "đã làm 6 năm nên được 13 ngày mỗi năm.",
      "Khi thôi việc hoặc mất việc mà chưa nghỉ hết số ngày phép, bạn được thanh toán tiền lương "
      "cho những ngày chưa nghỉ."]),
    ("demo-tai-nan", "An toàn vệ sinh lao động", "Lê Thị Thu", "Thị xã Bỉm Sơn", 30,
     "Bị tai nạn lao động thì công ty và bảo hiểm xã hội phải chi trả những gì?",
     "Chồng tôi bị máy cán vào tay khi đang làm việc ở xưởng, phải nằm viện 3 tuần. Công ty chỉ "
     "trả viện phí. Gia đình tôi còn được hưởng những chế độ gì?",
     ["Theo Điều 38 Luật An toàn, vệ sinh lao động 2015, công ty phải: thanh toán chi phí y tế từ "
      "sơ cứu đến khi điều trị ổn định (phần không được bảo hiểm y tế chi trả); trả đủ tiền lương "
      "theo hợp đồng trong những ngày nghỉ điều trị; bồi thường nếu tai nạn không do lỗi của người "
      "lao động: ít nhất 1,5 tháng tiền lương khi suy giảm khả năng lao động từ 5% đến 10%, và "
      "tăng theo mức suy giảm.",
      "Sau điều trị, anh được giám định mức suy giảm khả năng lao động; từ 5% trở lên thì quỹ bảo "
      "hiểm tai nạn lao động trả trợ cấp một lần (dưới 31%) hoặc hằng tháng (từ 31%).",
      "Gia đình nên đề nghị công ty lập biên bản điều tra tai nạn lao động; công đoàn cơ sở có "
      "quyền tham gia đoàn điều tra và hỗ trợ anh làm hồ sơ."]),
    ("demo-that-nghiep", "Bảo hiểm xã hội", "Nguyễn Văn Long", "Huyện Nông Cống", 20,
     "Điều kiện và mức hưởng trợ cấp thất nghiệp như thế nào?",
     "Tôi vừa nghỉ việc theo đúng thủ tục sau 3 năm đóng bảo hiểm thất nghiệp. Tôi có được "
     "hưởng trợ cấp thất nghiệp không, mức bao nhiêu?",
     ["Theo Luật Việc làm 2013, bạn được hưởng trợ cấp thất nghiệp khi đã đóng bảo hiểm thất "
      "nghiệp đủ 12 tháng trong 24 tháng trước khi chấm dứt hợp đồng, chấm dứt hợp đồng đúng "
      "luật, và nộp hồ sơ tại Trung tâm Dịch vụ việc làm trong 3 tháng kể từ ngày chấm dứt.",
      "Mức hưởng hằng tháng bằng 60% mức bình quân tiền lương tháng đóng bảo hiểm thất nghiệp "
      "của 6 tháng liền kề trước khi thất nghiệp, tối đa 5 lần mức lương tối thiểu vùng. Đóng đủ "
      "12 đến 36 tháng được hưởng 3 tháng; sau đó cứ đủ thêm 12 tháng được thêm 1 tháng.",
      "Với 3 năm (36 tháng) đóng, bạn được hưởng 3 tháng trợ cấp; bạn cũng được tư vấn, giới "
      "thiệu việc làm và hỗ trợ học nghề."]),
]  # fmt: skip
PENDING = (
    "demo-cham-luong", "Tiền lương", "Công nhân Khu kinh tế Nghi Sơn", "Thị xã Nghi Sơn",
    "Công ty đã chậm trả lương hai tháng nay, nói là do khó khăn đơn hàng. Chúng tôi có quyền "
    "gì, có được nghỉ việc ngay mà không cần báo trước không?",
)  # fmt: skip


def _answer(paragraphs: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs) + NOTE


def seed(*, stdout=None) -> None:
    # The lists come from migration 0002; only an empty list (a test database flushed after
    # migrating) is filled again, so an edited list stays as staff left it.
    if not Topic.objects.exists():
        for order, name in enumerate(DEFAULT_TOPICS):
            Topic.objects.create(name=name, order=order)
    if not Department.objects.exists():
        for order, name in enumerate(DEFAULT_DEPARTMENTS):
            Department.objects.create(name=name, order=order)
    topics = {topic.name: topic for topic in Topic.objects.all()}
    now = timezone.now()
    adviser = demo_staff_account(
        username=ADVISER_USERNAME,
        password=ADVISER_PASSWORD,
        group=ADVISER_GROUP,
        full_name="Cán bộ Tư vấn",
        stdout=stdout,
    )
    created = 0
    for nonce, topic, name, district, days, title, text, answer in QUESTIONS:
        if topic not in topics or Question.objects.filter(form_nonce=nonce).exists():
            continue
        answered = now - datetime.timedelta(days=days)
        Question.objects.create(
            form_nonce=nonce, topic=topics[topic], asker_name=name, district=district,
            question=text, title=title, answer=_answer(answer), status=Question.Status.PUBLISHED,
            created_at=answered - datetime.timedelta(days=3), answered_at=answered,
            published_at=answered, answered_by=adviser, assigned_to=adviser,
            show_name=days % 20 != 0,
        )  # fmt: skip
        created += 1
    nonce, topic, name, district, text = PENDING
    if topic in topics and not Question.objects.filter(form_nonce=nonce).exists():
        Question.objects.create(
            form_nonce=nonce, topic=topics[topic], asker_name=name, district=district,
            question=text, email="nguoihoi@example.com",
        )  # fmt: skip
        created += 1
    department = Department.objects.filter(name="Ban Chính sách – Pháp luật").first()
    if department is not None:
        if adviser is not None:
            department.members.add(adviser)
        Feedback.objects.get_or_create(
            form_nonce="demo-gop-y",
            defaults={
                "department": department, "name": "Nguyễn Văn Bình",
                "subject": "Đề nghị tổ chức tư vấn pháp luật lưu động tại khu công nghiệp",
                "message": "Đề nghị Liên đoàn tổ chức các buổi tư vấn pháp luật vào chiều thứ Bảy "
                "tại Khu công nghiệp Lễ Môn để công nhân ca ngày có thể tham dự.",
            },
        )  # fmt: skip
    if stdout:
        stdout.write(
            f"Hỏi đáp: {created} câu hỏi mới, {Question.objects.published().count()} đã công khai"
        )
