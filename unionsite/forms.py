"""Form helpers shared by the admin of every app."""

from django import forms

DATE_HINT = "dd/mm/yyyy"
DATETIME_HINT = "dd/mm/yyyy hh:mm"
_DATE = f"Ngày không hợp lệ. Nhập ngày theo dạng {DATE_HINT}, ví dụ 05/12/2026."
_DATETIME = (
    f"Thời điểm không hợp lệ. Nhập theo dạng {DATETIME_HINT}, ví dụ 05/12/2026 14:30 "
    "(ngày trong ô thứ nhất, giờ trong ô thứ hai)."
)


def explain_date_formats(form: forms.BaseForm) -> None:
    """Make every date and date-time field of ``form`` say, when it cannot read what was
    typed, which format it expects (Django's message only says the value is invalid)."""
    for field in form.fields.values():
        if isinstance(field, forms.SplitDateTimeField):
            field.error_messages.update(invalid_date=_DATETIME, invalid_time=_DATETIME)
            for part in field.fields:
                part.error_messages["invalid"] = _DATETIME
        elif isinstance(field, forms.DateTimeField):
            field.error_messages["invalid"] = _DATETIME
        elif isinstance(field, forms.DateField):
            field.error_messages["invalid"] = _DATE
