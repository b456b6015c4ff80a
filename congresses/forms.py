from django import forms

from .models import Congress, Organisation
from .selectors import STATUS_FILTER_CHOICES


class ProgressFilterForm(forms.Form):
    """GET filters of the progress page; the federation is chosen by its slug."""

    federation = forms.ChoiceField(label="Công đoàn cấp trên", required=False)
    kind = forms.ChoiceField(
        label="Loại đại hội", required=False, choices=[("", "Tất cả"), *Congress.Kind.choices]
    )
    status = forms.ChoiceField(
        label="Tình trạng", required=False, choices=[("", "Tất cả"), *STATUS_FILTER_CHOICES]
    )

    def __init__(self, *args, federations: list[Organisation], **kwargs):
        super().__init__(*args, **kwargs)
        self.federations = {f.slug: f for f in federations}
        self.fields["federation"].choices = [("", "Tất cả")] + [
            (f.slug, f.name) for f in federations
        ]

    def selected_federation(self) -> Organisation | None:
        return self.federations.get(self.cleaned_data.get("federation") or "")


class ImportUploadForm(forms.Form):
    import_file = forms.FileField(
        label="Tệp bảng tính (.xlsx hoặc .csv)",
        error_messages={"required": "Chọn tệp bảng tính cần nhập."},
    )


class ImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    extension = forms.ChoiceField(
        widget=forms.HiddenInput, choices=[(".xlsx", ".xlsx"), (".csv", ".csv")]
    )
    filename = forms.CharField(widget=forms.HiddenInput, max_length=255)

    @staticmethod
    def accepted_rows(data) -> frozenset[int]:
        """Spreadsheet rows whose new union the officer ticked to create despite a similar
        name (checkboxes ``accept_similar``)."""
        return frozenset(int(v) for v in data.getlist("accept_similar") if v.isdigit())
