import csv

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from unionsite.admin import ReadOnlyAdminMixin
from unionsite.text import vn_number

from . import clock, reports, services
from .models import DailyVisits, VisitTotal


def _period(request):
    value = request.GET.get("ngay", str(reports.PERIODS[0]))
    if not value.isdigit() or int(value) not in reports.PERIODS:
        return None
    return int(value)


@admin.register(DailyVisits)
class DailyVisitsAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """History is read-only: a table and a chart for the last 30 or 365 days, and CSV."""

    def get_urls(self):
        return [
            path(
                "xuat-csv/",
                self.admin_site.admin_view(self.export_csv),
                name="stats_dailyvisits_export",
            ),
            *super().get_urls(),
        ]

    def _history(self, request):
        """(days, rows) of the period the request asks for; (None, None) for a bad period."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        days = _period(request)
        if days is None:
            return None, None
        return days, reports.history(days=days, today=services.local_day(clock.now()))

    def changelist_view(self, request, extra_context=None):
        days, rows = self._history(request)
        if days is None:
            return HttpResponseBadRequest("Khoảng thời gian không hợp lệ: chọn 30 hoặc 365 ngày.")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Lượt truy cập {days} ngày gần nhất",
            "days": days,
            "periods": reports.PERIODS,
            "rows": list(reversed(rows)),
            "chart": reports.chart(rows),
            "period_visits": vn_number(sum(row.visits for row in rows)),
            "period_peak": vn_number(max((row.peak_online for row in rows), default=0)),
            "total": VisitTotal.objects.filter(pk=1).first(),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "stats/admin/report.html", context)

    def export_csv(self, request):
        days, rows = self._history(request)
        if days is None:
            return HttpResponseBadRequest("Khoảng thời gian không hợp lệ: chọn 30 hoặc 365 ngày.")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="luot-truy-cap-{rows[0].day}-{rows[-1].day}.csv"'
        )
        response.write("\ufeff")  # so Excel opens the Vietnamese headers as UTF-8
        writer = csv.writer(response)
        writer.writerow(["Ngày", "Lượt truy cập", "Online cao nhất"])
        for row in rows:
            writer.writerow([row.day.isoformat(), row.visits, row.peak_online])
        return response


@admin.register(VisitTotal)
class VisitTotalAdmin(admin.ModelAdmin):
    """The baseline carried over from the old site; the counted visits are read-only."""

    list_display = ["__str__", "baseline", "visits", "total_display"]
    fields = ["baseline", "visits", "total_display"]
    readonly_fields = ["visits", "total_display"]

    @admin.display(description=_("Đã truy cập (hiển thị)"))
    def total_display(self, obj):
        return vn_number(obj.total)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # Only the baseline: saving the whole row would overwrite visits counted meanwhile.
        services.set_baseline(baseline=obj.baseline)
