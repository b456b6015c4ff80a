"""The two public forms. Every refusal is a Vietnamese message on the form, never a 500."""

import re

from django import forms
from django.conf import settings
from django.core.validators import validate_email

from unionsite.search import strip_control_characters

from . import guard
from .models import DISTRICT_CHOICES, QUESTION_MAX, Department, Topic

MAX_LINKS = 2
_LINK = re.compile(r"(https?://|www\.|\b[\w-]+\.(?:com|net|org|info|xyz|top|ru|cn|vn)\b/)", re.I)
_PHONE = re.compile(r"^(?:\+84|0)\d{9,10}$")
REQUIRED = "Vui lòng điền {}."

CONSENT = (
    "Tôi đồng ý để Liên đoàn Lao động tỉnh Thanh Hóa lưu tên (hoặc bí danh), e-mail hoặc số "
    "điện thoại, nơi làm việc và câu hỏi của tôi để trả lời và gửi câu trả lời cho tôi. E-mail "
    "và số điện thoại không bao giờ được công khai và được xóa {days} ngày sau khi có câu trả "
    "lời; câu hỏi và câu trả lời có thể được đăng công khai trên cổng thông tin, không kèm "
    "thông tin liên hệ (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân)."
)
FEEDBACK_CONSENT = (
    "Tôi đồng ý để Liên đoàn Lao động tỉnh Thanh Hóa lưu họ tên, thông tin liên hệ và nội dung "
    "góp ý này để xem xét và liên hệ lại khi cần. Góp ý không được công khai; e-mail và số điện "
    "thoại được xóa sau {days} ngày (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân)."
)


def _clean_text(value: str) -> str:
    return strip_control_characters(value).strip()


class GuardedForm(forms.Form):
    """The honeypot, the signed token and the contact rule shared by both forms."""

    website = forms.CharField(
        label="Để trống ô này", required=False, widget=forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1"}
        ),
    )  # fmt: skip
    token = forms.CharField(widget=forms.HiddenInput, required=False)
    email = forms.CharField(label="E-mail", required=False, max_length=254)
    phone = forms.CharField(label="Số điện thoại", required=False, max_length=20)

    text_fields: tuple[str, ...] = ()

    def __init__(self, data=None, *args, now: float | None = None, **kwargs):
        if data is not None:
            # NUL and other control characters never mean anything in a question: drop them
            # before validation (Django would refuse NUL with a message nobody understands).
            data = {key: strip_control_characters(value) for key, value in data.items()}
        super().__init__(data, *args, **kwargs)
        self.now = now
        self.nonce = ""
        if not self.is_bound:
            self.initial["token"] = guard.make_token(now=now)
        for field in self.fields.values():
            if field.label:
                field.error_messages["required"] = REQUIRED.format(field.label.lower())
            field.error_messages["max_length"] = (
                "Tối đa %(limit_value)d ký tự (bạn đã nhập %(show_value)d)."
            )

    def clean_email(self):
        value = _clean_text(self.cleaned_data["email"])
        if value:
            try:
                validate_email(value)
            except forms.ValidationError:
                raise forms.ValidationError(
                    "E-mail không đúng dạng, ví dụ đúng: ten@gmail.com."
                ) from None
        return value.lower()

    def clean_phone(self):
        value = re.sub(r"[\s.\-()]", "", _clean_text(self.cleaned_data["phone"]))
        if value and not _PHONE.match(value):
            raise forms.ValidationError(
                "Số điện thoại không đúng dạng: 10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84."
            )
        return value

    def clean(self):
        data = super().clean()
        # Robots first: their submissions get one message and no field-by-field help.
        guard.check_honeypot(self.data)
        self.nonce = guard.read_token(self.data.get("token", ""), now=self.now).nonce
        if not self.errors and not data.get("email") and not data.get("phone"):
            self.add_error("email", "Vui lòng để lại e-mail hoặc số điện thoại để nhận trả lời.")
        links = sum(len(_LINK.findall(data.get(name) or "")) for name in self.text_fields)
        if links > MAX_LINKS:
            raise forms.ValidationError(
                f"Nội dung có {links} đường dẫn; vui lòng để tối đa {MAX_LINKS} đường dẫn."
            )
        return data


class QuestionForm(GuardedForm):
    asker_name = forms.CharField(label="Tên hoặc bí danh", max_length=100)
    district = forms.ChoiceField(
        label="Nơi làm việc (huyện, thị xã, thành phố)", required=False,
        choices=[("", "Không muốn nêu"), *DISTRICT_CHOICES],
    )  # fmt: skip
    topic = forms.ModelChoiceField(
        label="Lĩnh vực", queryset=Topic.objects.all(), empty_label="Chọn lĩnh vực"
    )
    question = forms.CharField(
        label="Câu hỏi", max_length=QUESTION_MAX, min_length=20,
        widget=forms.Textarea(attrs={"rows": 8}),
    )  # fmt: skip
    consent = forms.BooleanField(label="Đồng ý")

    text_fields = ("asker_name", "question")
    field_order = ["asker_name", "email", "phone", "district", "topic", "question", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = CONSENT.format(days=settings.QUESTIONS_CONTACT_DAYS)
        self.fields["consent"].error_messages["required"] = (
            "Vui lòng đánh dấu đồng ý để chúng tôi được lưu và trả lời câu hỏi."
        )
        self.fields["question"].error_messages["min_length"] = (
            "Câu hỏi ngắn quá; vui lòng viết rõ hơn (ít nhất %(limit_value)d ký tự)."
        )
        self.fields["topic"].error_messages["invalid_choice"] = (
            "Vui lòng chọn lĩnh vực trong danh sách."
        )
        self.fields["district"].error_messages["invalid_choice"] = (
            "Vui lòng chọn nơi làm việc trong danh sách."
        )

    def clean_asker_name(self):
        return " ".join(_clean_text(self.cleaned_data["asker_name"]).split())

    def clean_question(self):
        return _clean_text(self.cleaned_data["question"])

    def question_fields(self) -> dict:
        data = self.cleaned_data
        keys = ("asker_name", "email", "phone", "district", "topic", "question")
        return {key: data[key] for key in keys}


class FeedbackForm(GuardedForm):
    name = forms.CharField(label="Họ tên", max_length=100)
    department = forms.ModelChoiceField(
        label="Gửi tới", queryset=Department.objects.all(), empty_label="Chọn bộ phận"
    )
    document = forms.ModelChoiceField(
        label="Góp ý cho dự thảo văn bản", queryset=None, required=False,
        empty_label="Không (góp ý chung)",
    )  # fmt: skip
    subject = forms.CharField(label="Tiêu đề", max_length=200)
    message = forms.CharField(
        label="Nội dung góp ý", max_length=QUESTION_MAX, min_length=10,
        widget=forms.Textarea(attrs={"rows": 8}),
    )  # fmt: skip
    consent = forms.BooleanField(label="Đồng ý")

    text_fields = ("name", "subject", "message")
    field_order = ["name", "email", "phone", "department", "document", "subject", "message"]

    def __init__(self, *args, drafts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = drafts
        self.fields["consent"].label = FEEDBACK_CONSENT.format(days=settings.QUESTIONS_CONTACT_DAYS)
        self.fields["consent"].error_messages["required"] = (
            "Vui lòng đánh dấu đồng ý để chúng tôi được lưu và xem xét góp ý."
        )
        self.fields["message"].error_messages["min_length"] = (
            "Nội dung ngắn quá (ít nhất %(limit_value)d ký tự)."
        )
        for name in ("department", "document"):
            self.fields[name].error_messages["invalid_choice"] = "Vui lòng chọn trong danh sách."

    def clean_name(self):
        return " ".join(_clean_text(self.cleaned_data["name"]).split())

    def clean_subject(self):
        return " ".join(_clean_text(self.cleaned_data["subject"]).split())

    def clean_message(self):
        return _clean_text(self.cleaned_data["message"])

    def feedback_fields(self) -> dict:
        data = self.cleaned_data
        keys = ("name", "email", "phone", "department", "document", "subject", "message")
        return {key: data[key] for key in keys}
