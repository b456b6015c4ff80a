from django.db import models


class DailyVisits(models.Model):
    """One row per calendar day in Asia/Ho_Chi_Minh, kept forever: only aggregate counts."""

    day = models.DateField("Ngày", primary_key=True)
    visits = models.PositiveBigIntegerField("Lượt truy cập", default=0)
    peak_online = models.PositiveIntegerField("Online cao nhất", default=0)

    class Meta:
        ordering = ["-day"]
        verbose_name = "Lượt truy cập theo ngày"
        verbose_name_plural = "Lượt truy cập theo ngày"

    def __str__(self):
        return f"{self.day:%d/%m/%Y}: {self.visits}"


class VisitTotal(models.Model):
    """The single running total (pk=1): ``baseline`` set once in the admin plus every visit.

    ``visits`` is only ever changed by atomic SQL (``visits = visits + 1``), so it always equals
    the sum of ``DailyVisits.visits`` without summing the history on every page.
    """

    baseline = models.PositiveBigIntegerField(
        "Số lượt từ trang cũ",
        default=0,
        help_text="Số lượt truy cập trước khi bộ đếm này chạy (trang cũ: 1.244.377).",
    )
    visits = models.PositiveBigIntegerField("Lượt đếm được", default=0)

    class Meta:
        verbose_name = "Tổng lượt truy cập"
        verbose_name_plural = "Tổng lượt truy cập"

    def __str__(self):
        return "Tổng lượt truy cập"

    @property
    def total(self) -> int:
        return self.baseline + self.visits


class OnlineVisitorQuerySet(models.QuerySet):
    def active(self, *, since):
        return self.filter(last_seen__gte=since)


class OnlineVisitor(models.Model):
    """A visitor seen in the online window. Rows older than the window are deleted."""

    visitor_id = models.CharField(max_length=32, primary_key=True)
    last_seen = models.DateTimeField(db_index=True)

    objects = OnlineVisitorQuerySet.as_manager()

    class Meta:
        verbose_name = "Khách đang online"
        verbose_name_plural = "Khách đang online"

    def __str__(self):
        return f"{self.visitor_id[:6]}… {self.last_seen:%H:%M:%S}"
