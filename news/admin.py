from django.contrib import admin, messages
from django.db.models import Count
from django.utils import timezone
from django.utils.html import format_html

from .models import Article, Category, Page, Tag


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "order", "show_in_menu", "article_count"]
    list_editable = ["order", "show_in_menu"]
    list_filter = ["show_in_menu"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["parent"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("parent")
            .annotate(n=Count("articles"))
            .order_by("order", "name")
        )

    @admin.display(description="Số bài", ordering="n")
    def article_count(self, obj):
        return obj.n


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "order", "show_in_menu", "show_in_footer", "updated_at"]
    list_editable = ["order", "show_in_menu", "show_in_footer"]
    search_fields = ["title", "body"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title", "status_label", "publish_at", "category_list", "featured", "view_count",
        "byline", "preview_link",
    ]  # fmt: skip
    list_display_links = ["title"]
    list_filter = ["status", "featured", "categories", "publish_at", "tags"]
    search_fields = ["title", "summary", "byline", "slug"]
    date_hierarchy = "publish_at"
    autocomplete_fields = ["categories", "tags"]
    readonly_fields = ["view_count", "created_by", "created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    list_per_page = 50
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Ảnh đại diện", {"fields": ["cover", "cover_caption", "cover_alt"]}),
        (
            "Xuất bản",
            {
                "fields": [
                    "status",
                    "publish_at",
                    "featured",
                    "categories",
                    "tags",
                    "byline",
                    "source",
                ]
            },
        ),
        ("Thông tin", {"classes": ["collapse"], "fields": readonly_fields}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("categories")

    def view_on_site(self, obj):
        # Drafts and scheduled articles open in staff preview instead of a 404.
        url = obj.get_absolute_url()
        return url if obj.is_visible else f"{url}?preview=1"

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="Trạng thái", ordering="status")
    def status_label(self, obj):
        if obj.status == Article.Status.PUBLISHED and obj.publish_at > timezone.now():
            return "Hẹn giờ"
        return obj.get_status_display()

    @admin.display(description="Chuyên mục")
    def category_list(self, obj):
        return ", ".join(c.name for c in obj.categories.all())

    @admin.display(description="Xem")
    def preview_link(self, obj):
        label = "Xem" if obj.is_visible else "Xem trước"
        url = self.view_on_site(obj)
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, label)

    def _set_status(self, queryset, status) -> int:
        # save() per article, so signals refresh the caches and the sanitiser runs.
        count = 0
        for article in queryset.exclude(status=status):
            article.status = status
            article.save(update_fields=["status", "updated_at"])
            count += 1
        return count

    @admin.action(description="Xuất bản các bài đã chọn", permissions=["change"])
    def publish(self, request, queryset):
        count = self._set_status(queryset, Article.Status.PUBLISHED)
        self.message_user(request, f"Đã xuất bản {count} bài.", messages.SUCCESS)

    @admin.action(description="Chuyển các bài đã chọn về bản nháp", permissions=["change"])
    def unpublish(self, request, queryset):
        count = self._set_status(queryset, Article.Status.DRAFT)
        self.message_user(request, f"Đã chuyển {count} bài về bản nháp.", messages.SUCCESS)
