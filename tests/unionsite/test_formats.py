import datetime

from django import forms
from django.utils import translation


class DateForm(forms.Form):
    day = forms.DateField()
    when = forms.DateTimeField()


def test_forms_read_vietnamese_day_month_year():
    with translation.override("vi"):
        form = DateForm({"day": "08/11/2022", "when": "08/11/2022 14:30"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == datetime.date(2022, 11, 8)
    assert form.cleaned_data["when"].date() == datetime.date(2022, 11, 8)
