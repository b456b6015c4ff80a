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
