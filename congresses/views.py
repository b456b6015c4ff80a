"""Reader pages of the congress section (``/dai-hoi/``)."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe

from . import selectors
from .forms import ProgressFilterForm
from .models import Congress, Organisation
from .sheets import XLSX_TYPE, progress_workbook, template_workbook

UNIONS_PER_PAGE = 50
# The list once paged with ?trang=; the site pages with ?page= (templates/includes/pagination.html).
OLD_PAGE_PARAMETER = "trang"


def _redirect_old_page_parameter(request):
    """``/dai-hoi/?status=held&trang=2`` → ``/dai-hoi/?status=held&page=2`` (permanent)."""
    query = request.GET.copy()
    number = query.pop(OLD_PAGE_PARAMETER)[-1]
    query.setdefault("page", number)
    return redirect(f"{request.path}?{query.urlencode()}", permanent=True)


def _term_or_404():
    term = selectors.current_term()
    if term is None:
        raise Http404("Chưa có nhiệm kỳ nào.")
    return term


@require_safe
def progress(request):
    if OLD_PAGE_PARAMETER in request.GET:
        return _redirect_old_page_parameter(request)
    term = selectors.current_term()
    if term is None:
        return render(request, "congresses/progress.html", {"term": None})
    today = timezone.localdate()
    table = selectors.progress_table(term, today=today)
    form = ProgressFilterForm(
        request.GET or None, federations=[row.federation for row in table.rows]
    )
    if request.GET and not form.is_valid():
        body = render_to_string("congresses/bad_filter.html", {"form": form}, request=request)
        return HttpResponseBadRequest(body)
    federation = form.selected_federation() if form.is_bound else None
    rows = [row for row in table.rows if federation is None or row.federation == federation]
    unions = selectors.union_statuses(
        term,
        today=today,
        federation=federation,
        kind=form.cleaned_data.get("kind", "") if form.is_bound else "",
        status=form.cleaned_data.get("status", "") if form.is_bound else "",
    )
    page = Paginator(unions, UNIONS_PER_PAGE).get_page(request.GET.get("page"))
    higher = list(selectors.higher_congresses(term))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "congresses/progress.html",
        {
            "term": term,
            "today": today,
            "table": table,
            "rows": rows,
            "form": form,
            "filtered": bool(form.is_bound and any(form.cleaned_data.values())),
            "page": page,
            "query_prefix": f"?{query.urlencode()}&" if query else "?",
            "higher": higher,
        },
    )


@require_safe
def federation_detail(request, slug):
    federation = get_object_or_404(
        Organisation.objects.federations().only("pk", "name", "slug", "federation_kind"),
        slug=slug,
    )
    term = _term_or_404()
    today = timezone.localdate()
    table = selectors.progress_table(term, today=today, federation=federation)
    row = table.rows[0] if table.rows else selectors.Progress(federation=federation)
    unions = list(selectors.union_statuses(term, today=today, federation=federation))
    own = selectors.with_published_article(
        Congress.objects.for_term(term)
        .filter(organisation=federation)
        .select_related("term", "organisation")
    ).first()
    return render(
        request,
        "congresses/federation_detail.html",
        {
            "federation": federation,
            "term": term,
            "today": today,
            "row": row,
            "unions": unions,
            "higher": [own] if own else [],
        },
    )


@require_safe
def congress_detail(request, slug, pk):
    congress = selectors.congress_detail(pk)
    if congress is None:
        raise Http404("Không có đại hội này.")
    if congress.get_absolute_url() != request.path:
        # An old or mistyped federation slug: send the reader to the right address.
        if Organisation.objects.filter(slug=slug).exists():
            return redirect(congress, permanent=True)
        raise Http404("Không có đại hội này.")
    return render(
        request,
        "congresses/congress_detail.html",
        {
            "congress": congress,
            "article": congress.article,
            "today": timezone.localdate(),
            "photos": congress.photos.all(),
            "documents": congress.guiding_documents.all(),
        },
    )


@require_safe
def model_congress_list(request):
    term = _term_or_404()
    congresses = list(selectors.model_congresses(term))
    return render(
        request,
        "congresses/model_congress_list.html",
        {
            "term": term,
            "congresses": congresses,
            "today": timezone.localdate(),
        },
    )


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def import_template(request):
    # The same file for everyone (the page cache may keep it); an officer's own template,
    # with their unions listed, is in the admin's import page.
    return xlsx_response(template_workbook(), "mau-nhap-lieu-dai-hoi.xlsx")


@require_safe
def progress_report(request):
    """The per-district table of /dai-hoi/ as a spreadsheet, with the date it was made."""
    term = _term_or_404()
    today = timezone.localdate()
    table = selectors.progress_table(term, today=today)
    return xlsx_response(
        progress_workbook(table, today=today), f"tien-do-dai-hoi-{today:%Y-%m-%d}.xlsx"
    )
