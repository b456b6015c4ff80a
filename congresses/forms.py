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
