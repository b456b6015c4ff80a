from django import forms

from .models import Status
from .selectors import FilterOptions


def _choices(pairs, empty: str):
    return [("", empty), *pairs]


class DocumentFilterForm(forms.Form):
    """The reader's filters on ``/van-ban/`` (GET, work without JavaScript, combine); the
    search words ``q`` are read apart, trimmed and folded like the site search."""

    loai = forms.ChoiceField(label="Loại văn bản", required=False)
    co_quan = forms.ChoiceField(label="Cơ quan ban hành", required=False)
    linh_vuc = forms.ChoiceField(label="Lĩnh vực", required=False)
    nam = forms.TypedChoiceField(label="Năm ban hành", required=False, coerce=int, empty_value=None)
    tinh_trang = forms.ChoiceField(label="Tình trạng hiệu lực", required=False)

    def __init__(self, data, *, options: FilterOptions):
        super().__init__(data)
        self.fields["loai"].choices = _choices(options.types, "Tất cả loại")
        self.fields["co_quan"].choices = _choices(options.issuers, "Tất cả cơ quan")
        self.fields["linh_vuc"].choices = _choices(options.fields, "Tất cả lĩnh vực")
        self.fields["nam"].choices = _choices([(y, str(y)) for y in options.years], "Mọi năm")
        self.fields["tinh_trang"].choices = _choices(Status.choices, "Mọi tình trạng")
        for name in ("loai", "co_quan", "linh_vuc", "nam", "tinh_trang"):
            self.fields[name].error_messages["invalid_choice"] = (
                f"Giá trị “%(value)s” không có trong danh sách {self.fields[name].label.lower()}."
            )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class BulkUploadForm(forms.Form):
    sheet = forms.FileField(
        label="Bảng tính (.xlsx)",
        help_text="Mỗi dòng một văn bản, theo bảng tính mẫu; cột “Tệp” ghi tên các tệp của dòng.",
    )
    files = MultipleFileField(
        label="Các tệp văn bản", required=False,
        help_text="Chọn cùng lúc mọi tệp mà bảng tính nhắc tới (PDF, DOC, DOCX, XLS, XLSX, ODT, ZIP).",
    )  # fmt: skip
