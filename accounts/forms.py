import unicodedata

from django import forms
from django.contrib.auth.models import User

from congresses.models import Organisation

from .services import unique_username

ROLE_CHOICES = [("officer", "Cán bộ LĐLĐ huyện"), ("editor", "Biên tập viên")]


class StaffAccountCreationForm(forms.ModelForm):
    """A district officer or an editor in one step: name, e-mail, role (and federation)."""

    full_name = forms.CharField(label="Họ và tên", max_length=150)
    role = forms.ChoiceField(label="Vai trò", choices=ROLE_CHOICES, widget=forms.RadioSelect)
    federation = forms.ModelChoiceField(
        label="LĐLĐ huyện phụ trách",
        queryset=Organisation.objects.federations(),
        required=False,
        help_text="Bắt buộc với cán bộ LĐLĐ huyện: họ chỉ thấy và sửa đơn vị của LĐLĐ này.",
    )

    class Meta:
        model = User
        fields = ["email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].label = "E-mail"
        self.fields["email"].help_text = "Liên kết để tự đặt mật khẩu được gửi tới địa chỉ này."

    def clean_full_name(self):
        # Pasted names arrive decomposed (NFD) or with runs of spaces.
        return " ".join(unicodedata.normalize("NFC", self.cleaned_data["full_name"]).split())

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        existing = User.objects.filter(email__iexact=email).first()
        if existing:
            raise forms.ValidationError(
                f"Địa chỉ này đã dùng cho tài khoản “{existing.username}”.", code="duplicate"
            )
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == "officer" and not cleaned.get("federation"):
            self.add_error("federation", "Chọn LĐLĐ huyện mà cán bộ này phụ trách.")
        if cleaned.get("role") == "editor":
            cleaned["federation"] = None
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        *family, given = self.cleaned_data["full_name"].split(" ")
        user.first_name, user.last_name = given, " ".join(family)
        user.username = unique_username(user.email)
        if commit:
            user.save()
        return user
