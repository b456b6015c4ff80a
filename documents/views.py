"""Reader pages of the document library (``/van-ban/``)."""

import re

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from news.selectors import clean_query, paginate

from . import permissions, selectors
from .forms import DocumentFilterForm
from .models import DocumentFile

PER_PAGE = 20
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@require_safe
def document_list(request):
    form = DocumentFilterForm(request.GET, options=selectors.filter_options())
    page = None
    status = 200
    query, words = clean_query(_CONTROL.sub(" ", request.GET.get("q", "")))
    if form.is_valid():
        data = form.cleaned_data
        documents = selectors.filtered_documents(
            doc_type=data["loai"],
            issuer=data["co_quan"],
            field=data["linh_vuc"],
            year=data["nam"],
            status=data["tinh_trang"],
            words=words,
        )
        page = paginate(documents, request.GET.get("page"), per_page=PER_PAGE)
    else:
        status = 400
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("q", None)
    if query:
        params["q"] = query  # the trimmed query, not a megabyte of it
    filtered = any(value for key, value in params.items())
    return render(
        request,
        "documents/document_list.html",
        {
            "form": form,
            "query": query,
            "page_obj": page,
            "query_prefix": f"?{params.urlencode()}&" if params else "?",
            "filtered": filtered,
            "today": timezone.localdate(),
        },
        status=status,
    )


def _may_preview(request) -> bool:
    return request.GET.get("preview") == "1" and request.user.is_staff


@require_safe
def document_detail(request, slug):
    preview = _may_preview(request)
    document = selectors.document_for_reader(slug, include_unpublished=preview)
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "preview": preview and not document.is_visible,
            "linked": selectors.linked_items(document),
            "congresses": selectors.citing_congresses(document),
            "today": timezone.localdate(),
        },
    )


@require_safe
def download_file(request, slug, pk):
    """The file under its original (Vietnamese) name: ``Content-Disposition`` with RFC 5987
    ``filename*=utf-8''…``, the type the check found, and ``nosniff``."""
    attached = get_object_or_404(DocumentFile.objects.select_related("document"), pk=pk)
    document = attached.document
    if document.slug != slug:
        raise Http404("Không có tệp này.")
    if not document.is_visible and not (
        request.user.is_staff and permissions.may_edit_document(request.user, document)
    ):
        raise Http404("Không có tệp này.")
    try:
        handle = attached.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("Tệp không còn trên máy chủ.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attached.original_name or f"van-ban.{attached.kind}",
        content_type=attached.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
