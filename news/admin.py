import unicodedata

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.forms.utils import ErrorList
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from unionsite.forms import explain_date_formats
from unionsite.renditions import rendition
from unionsite.text import vn_slugify

from .models import Article, Category, Page, Tag


class CoverInput(AdminFileWidget):
    """The file box with a thumbnail of the stored cover above it, not only its path."""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if not (value and getattr(value, "url", None) and getattr(value, "instance", None)):
            return html
        article = value.instance
        small = rendition(value, "small", article.cover_width, article.cover_height)
        return format_html(
            '<p class="cover-thumbnail"><img src="{}" alt="Ảnh đại diện hiện tại: {}"{}></p>{}',
            small["url"],
            article.image_alt,
            format_html(' width="{}" height="{}"', small["width"], small["height"])
            if small["width"]
            else "",
            html,
        )


class TagInput(AutocompleteSelectMultiple):
    """The admin's tag autocomplete, in select2's "tags" mode: a name that matches no tag
    can be typed and is sent as text (existing tags are sent by id)."""

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-tags"] = "true"
        return attrs

    def optgroups(self, name, value, attr=None):
        ids = [v for v in value if str(v).isdigit()]
        groups = super().optgroups(name, ids, attr)
        options = groups[0][1]
        for text in (v for v in value if not str(v).isdigit() and str(v).strip()):
            options.append(self.create_option(name, text, text, True, len(options)))
        return groups


class TagChoiceField(forms.ModelMultipleChoiceField):
    """Existing tags by id, and new tags by name: a name whose address matches an existing
    tag ("tho xuan" → "Thọ Xuân") reuses it; the others are created when the article is saved
    (``ArticleAdminForm._save_m2m``), never before the whole form is valid."""

    def __init__(self, *args, may_create=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_create = may_create

    def clean(self, value):
        values = [str(v).strip() for v in (value or []) if str(v).strip()]
        existing = {
            str(t.pk): t for t in self.queryset.filter(pk__in=[v for v in values if v.isdigit()])
        }
        tags: list[Tag] = []
        for raw in values:
            tag = existing.get(raw) or self._by_name(
                " ".join(unicodedata.normalize("NFC", raw).split())
            )
            if all(tag.pk != t.pk or tag.name != t.name for t in tags):
                tags.append(tag)
        if not tags and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return tags

    def _by_name(self, name: str) -> Tag:
        limit = Tag._meta.get_field("name").max_length
        if len(name) > limit:
            raise ValidationError(f"Tên thẻ “{name[:40]}…” dài quá {limit} ký tự.", code="too_long")
        slug = vn_slugify(name)
        match = self.queryset.filter(name__iexact=name).first() or (
            slug and self.queryset.filter(slug=slug).first()
        )
        if match:
            return match
        if not self.may_create:
            raise ValidationError(
                f"Chưa có thẻ “{name}” và bạn không có quyền tạo thẻ mới; hãy chọn thẻ có sẵn.",
                code="no_create",
            )
        return Tag(name=name)


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["cover", "publish_at", "tags"]  # the admin's fieldsets name the rest
        widgets = {"cover": CoverInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        explain_date_formats(self)

    def full_clean(self):
        super().full_clean()
        chosen = self.files.get(self.add_prefix("cover")) if self.is_bound else None
        if self._errors and chosen and "cover" not in self._errors:
            # Browsers cannot keep a chosen file across a page that comes back with errors.
            self._errors["cover"] = ErrorList(
                [
                    f"Ảnh “{chosen.name}” đã chọn chưa được lưu vì bài còn lỗi ở trên hoặc "
                    "dưới: sửa lỗi rồi chọn lại ảnh trước khi lưu."
                ]
            )

    def _save_m2m(self):
        for tag in self.cleaned_data.get("tags") or []:
            if tag.pk is None:
                tag.save()
        super()._save_m2m()


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "order", "show_in_menu", "article_count"]
    list_editable = ["order", "show_in_menu"]
    list_filter = ["show_in_menu"]
    search_fields = ["name__fold_contains", "slug__fold_contains"]
    autocomplete_fields = ["parent"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("parent")
            .annotate(n=Count("articles"))
            .order_by("order", "name")
        )

    @admin.display(description=_("Số bài"), ordering="n")
    def article_count(self, obj):
        return obj.n


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name__fold_contains", "slug__fold_contains"]


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "order", "show_in_menu", "show_in_footer", "updated_at"]
    list_editable = ["order", "show_in_menu", "show_in_footer"]
    search_fields = ["title__fold_contains", "body__fold_contains"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title", "status_label", "publish_at", "category_list", "featured", "view_count",
        "byline", "preview_link",
    ]  # fmt: skip
    list_display_links = ["title"]
    list_filter = ["status", "featured", "categories", "publish_at", "tags"]
    search_fields = [
        "title__fold_contains",
        "summary__fold_contains",
        "byline__fold_contains",
        "slug__fold_contains",
    ]
    date_hierarchy = "publish_at"
    autocomplete_fields = ["categories", "tags"]
    readonly_fields = ["view_count", "created_by", "created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    list_per_page = 50
    save_on_top = True
    form = ArticleAdminForm
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Ảnh đại diện"), {"fields": ["cover", "cover_caption", "cover_alt"]}),
        (
            _("Xuất bản"),
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
        (_("Thông tin"), {"classes": ["collapse"], "fields": readonly_fields}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("categories")

    def view_on_site(self, obj):
        # Drafts and scheduled articles open in staff preview instead of a 404.
        url = obj.get_absolute_url()
        return url if obj.is_visible else f"{url}?preview=1"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name != "tags":
            return field
        return TagChoiceField(
            queryset=field.queryset,
            widget=TagInput(db_field, self.admin_site, using=kwargs.get("using")),
            required=False,
            label=field.label,
            help_text="Gõ để tìm thẻ có sẵn; gõ tên mới rồi Enter để tạo thẻ mới.",
            may_create=request.user.has_perm("news.add_tag"),
        )

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def _say_when(self, request, obj) -> None:
        if obj.status == Article.Status.PUBLISHED and obj.publish_at > timezone.now():
            at = timezone.localtime(obj.publish_at)
            self.message_user(
                request, f"Bài sẽ đăng lúc {at:%H:%M} ngày {at:%d/%m/%Y}.", messages.INFO
            )

    def response_add(self, request, obj, post_url_continue=None):
        self._say_when(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._say_when(request, obj)
        return super().response_change(request, obj)

    @admin.display(description=_("Trạng thái"), ordering="status")
    def status_label(self, obj):
        if obj.status == Article.Status.PUBLISHED and obj.publish_at > timezone.now():
            return "Hẹn giờ"
        return obj.get_status_display()

    @admin.display(description=_("Chuyên mục"))
    def category_list(self, obj):
        return ", ".join(c.name for c in obj.categories.all())

    @admin.display(description=_("Xem"))
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

    @admin.action(description=_("Xuất bản các bài đã chọn"), permissions=["change"])
    def publish(self, request, queryset):
        count = self._set_status(queryset, Article.Status.PUBLISHED)
        self.message_user(request, f"Đã xuất bản {count} bài.", messages.SUCCESS)

    @admin.action(description=_("Chuyển các bài đã chọn về bản nháp"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = self._set_status(queryset, Article.Status.DRAFT)
        self.message_user(request, f"Đã chuyển {count} bài về bản nháp.", messages.SUCCESS)
