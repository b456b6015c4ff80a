from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError

from . import services
from .models import IMAGE_HELP, Album, Photo, Video

MAX_FILES = 60


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Many image files from one ``<input type="file" multiple>``; each is checked and
    re-encoded in ``AlbumAdminForm.clean_new_photos``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class AlbumAdminForm(forms.ModelForm):
    new_photos = MultipleImageField(
        label="Thêm ảnh",
        required=False,
        help_text=(
            f"Chọn một lúc nhiều ảnh (tối đa {MAX_FILES}); JPEG, PNG, WebP hoặc GIF, mỗi ảnh tối "
            "đa 10 MB. Ảnh được xếp theo ngày chụp rồi nối vào cuối album; thông tin EXIF (vị "
            "trí GPS…) bị xóa khi lưu."
        ),
    )

    class Meta:
        model = Album
        # The admin's fieldsets name the rest.
        fields = ["cover"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "cover" in self.fields:
            self.fields["cover"].queryset = (
                Photo.objects.filter(album=self.instance)
                if self.instance.pk
                else Photo.objects.none()
            )

    def clean_new_photos(self):
        files = self.cleaned_data.get("new_photos") or []
        if len(files) > MAX_FILES:
            raise ValidationError(
                f"Mỗi lần chỉ tải lên tối đa {MAX_FILES} ảnh (đã chọn {len(files)}).",
                code="too_many",
            )
        prepared, errors = [], []
        for upload in files:
            try:
                prepared.append(services.prepare_photo(upload))
            except ValidationError as exc:
                name = (getattr(upload, "name", "") or "")[:120]
                errors.append(ValidationError(f"{name}: {' '.join(exc.messages)}", code=exc.code))
        if errors:
            raise ValidationError(errors)
        return prepared


class VideoAdminForm(forms.ModelForm):
    # A plain file field: the shared validator on the model field (unionsite.images) gives
    # the one Vietnamese message for every image upload of the site, not Django's own.
    poster = forms.FileField(
        label="Ảnh đại diện", required=False, widget=AdminFileWidget, help_text=IMAGE_HELP
    )

    class Meta:
        model = Video
        fields = ["poster"]  # the admin's fieldsets name the rest
