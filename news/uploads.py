"""Image upload endpoint for CKEditor 5, in place of django-ckeditor-5's own view.

The package's view accepts any staff upload, keeps the original file name and only runs
Pillow's ``verify``. This one admits only staff who may write articles, validates and
re-encodes the image (``unionsite.images``) and stores it under a random name.
"""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from unionsite.images import reencode_image

UPLOAD_DIR = "news/uploads/%Y/%m/"
# Body images are served as uploaded (no renditions): keep them at a size a page needs.
MAX_SIDE = 1600


def can_upload(user) -> bool:
    return (
        user.is_active
        and user.is_staff
        and (user.has_perm("news.add_article") or user.has_perm("news.change_article"))
    )


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def ckeditor_image_upload(request):
    if not can_upload(request.user):
        return _error("Bạn không có quyền tải ảnh lên.", 403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _error("Chưa chọn tệp ảnh.", 400)
    try:
        image = reencode_image(upload, max_side=MAX_SIDE)
    except ValidationError as exc:
        return _error(" ".join(exc.messages), 400)
    name = default_storage.save(timezone.now().strftime(UPLOAD_DIR) + image.name, image)
    return JsonResponse({"url": default_storage.url(name)})
