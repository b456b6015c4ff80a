import contextlib
import unicodedata

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget, AutocompleteSelectMultiple
from django.contrib.redirects.admin import RedirectAdmin
from django.contrib.redirects.models import Redirect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.forms.utils import ErrorList
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from unionsite.forms import explain_date_formats
from unionsite.renditions import rendition
from unionsite.text import vn_slugify

from . import history, services, workflow
from .admin_history import RevisionsAdmin
from .models import Article, Category, Contributor, Page, PendingEdit, Tag


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
        # The writer of a pending version of a live article goes on from that version.
        for name, pks in getattr(self.instance, "_pending_m2m", {}).items():
            if name in self.fields and not self.is_bound:
                self.initial[name] = pks

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
class PageAdmin(RevisionsAdmin, admin.ModelAdmin):
    change_form_template = "news/admin/revisions_change_form.html"
    list_display = [
        "title", "slug", "language", "order", "show_in_menu", "show_in_footer", "updated_at",
    ]  # fmt: skip
    list_editable = ["order", "show_in_menu", "show_in_footer"]
    list_filter = ["language"]
    autocomplete_fields = ["translation_of"]
    search_fields = ["title__fold_contains", "body__fold_contains"]


@admin.register(Contributor)
class ContributorAdmin(admin.ModelAdmin):
    """Which categories each "Cộng tác viên" account may write in."""

    list_display = ["__str__", "category_list"]
    search_fields = ["user__username__fold_contains", "user__last_name__fold_contains"]
    autocomplete_fields = ["user", "categories"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user").prefetch_related("categories")

    @admin.display(description=_("Chuyên mục được viết"))
    def category_list(self, obj):
        return ", ".join(c.name for c in obj.categories.all())


INFO_FIELDS = ["view_count", "created_by", "created_at", "updated_at"]
DONE = {
    workflow.Action.APPROVE_EDIT: "Đã duyệt bản sửa của bài “{}”; bạn đọc thấy bản mới.",
    workflow.Action.RETURN_EDIT: "Đã trả lại bản sửa của bài “{}”; bài đang đăng giữ nguyên.",
    workflow.Action.SUBMIT: "Đã gửi bài “{}” chờ duyệt.",
    workflow.Action.RETURN: "Đã trả lại bài “{}” cho người viết.",
    workflow.Action.APPROVE: "Đã duyệt đăng bài “{}”.",
    workflow.Action.UNPUBLISH: "Đã gỡ bài “{}” khỏi trang.",
}


@admin.register(Article)
class ArticleAdmin(RevisionsAdmin, admin.ModelAdmin):
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
    actions = ["submit", "publish", "unpublish"]
    list_per_page = 50
    save_on_top = True
    form = ArticleAdminForm
    change_form_template = "news/admin/article_change_form.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Ảnh đại diện"), {"fields": ["cover", "cover_caption", "cover_alt"]}),
        (
            _("Xuất bản"),
            {
                "fields": [
                    "status_label",
                    "publish_at",
                    "featured",
                    "categories",
                    "tags",
                    "byline",
                    "source",
                ]
            },
        ),
        (_("Thông tin"), {"classes": ["collapse"], "fields": INFO_FIELDS}),
    ]

    # --- who sees and edits what (news/workflow.py holds the rules) ---------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related("categories")
        if workflow.writes_own_articles_only(request.user):
            queryset = queryset.filter(created_by=request.user)
        return queryset

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or workflow.may_see_article(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.may_edit_article(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or workflow.may_edit_article(request.user, obj)
        )

    def has_submit_permission(self, request):
        return workflow.may(request.user, workflow.Action.SUBMIT)

    def has_approve_permission(self, request):
        return workflow.may(request.user, workflow.Action.APPROVE)

    def get_readonly_fields(self, request, obj=None):
        fields = ["status_label", *INFO_FIELDS]
        if not workflow.edits_any_article(request.user):
            fields.append("featured")  # the front page is the approvers' choice
        if obj is not None and workflow.edit_waits_for_approval(request.user, obj):
            fields.append("cover")  # a pending version holds text, not a new photo
        return fields

    def get_autocomplete_fields(self, request):
        if not workflow.writes_own_articles_only(request.user):
            return self.autocomplete_fields
        # A contributor picks among the few categories granted, listed as boxes.
        return [name for name in self.autocomplete_fields if name != "categories"]

    def view_on_site(self, obj):
        # Drafts and scheduled articles open in staff preview instead of a 404.
        url = obj.get_absolute_url()
        return url if obj.is_visible else f"{url}?preview=1"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "categories" and workflow.writes_own_articles_only(request.user):
            kwargs["queryset"] = workflow.contributor_categories(request.user)
            kwargs["widget"] = forms.CheckboxSelectMultiple
            field = super().formfield_for_manytomany(db_field, request, **kwargs)
            field.required = True
            field.help_text = "Chỉ các chuyên mục bạn được giao viết."
            return field
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

    # --- the workflow buttons of the change form ---------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        action = request.POST.get("_transition") if request.method == "POST" else None
        if action and not workflow.may(request.user, action):
            # A crafted POST: refused before anything is saved.
            raise PermissionDenied
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        if request.method == "POST" and transaction.get_connection().in_atomic_block:
            # Lock the row before reading it, so a decision taken meanwhile by someone else
            # is seen (and the state they left is not written back over).
            with contextlib.suppress(ValueError, ValidationError):  # a malformed id: 404 below
                list(Article.objects.select_for_update().filter(pk=object_id).values("pk"))
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and workflow.edit_waits_for_approval(request.user, obj):
            pending = workflow.pending_content(obj)
            if pending:
                # Show them their pending version, not the live one (which stays as it is).
                obj._pending_m2m = history.apply_content(
                    obj, pending, fields=workflow.PENDING_FIELDS
                )
        return obj

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj or Article()
        context["workflow"] = {
            "actions": workflow.available_actions(request.user, article)
            if self.has_change_permission(request, obj)
            else [],
            "seen": article.status,
            "history": list(article.transitions.select_related("by")) if obj else [],
            "pending": self._pending_box(request, obj),
            "held": obj is not None and workflow.edit_waits_for_approval(request.user, obj),
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _pending_box(self, request, obj):
        pending = obj and PendingEdit.objects.filter(article=obj).select_related("by")
        pending = pending and pending.first()
        if not pending:
            return None
        live = Article.objects.get(pk=obj.pk)
        return {
            "by": pending.by,
            "at": pending.at,
            "diff": history.compare(
                Article, history.content_of(live), workflow.decode_content(pending.data)
            ),
        }

    def save_model(self, request, obj, form, change):
        if change and workflow.edit_waits_for_approval(request.user, obj):
            obj._held_for_approval = True  # save_related keeps the form as a pending version
            return
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not getattr(form.instance, "_held_for_approval", False):
            return super().save_related(request, form, formsets, change)
        if not form.has_changed():
            form.instance._held_for_approval = "unchanged"  # nothing to approve
            return None
        for tag in form.cleaned_data.get("tags") or []:
            if tag.pk is None:
                tag.save()
        values = {k: v for k, v in form.cleaned_data.items() if k in workflow.PENDING_FIELDS}
        workflow.propose_edit(article=form.instance, values=values, by=request.user)
        return None

    def restore_version(self, request, obj, version) -> str:
        live = Article.objects.get(pk=obj.pk)  # not the pending version shown to its writer
        return workflow.restore_article_version(article=live, version=version, by=request.user)

    def _run_transition(self, request, obj) -> bool:
        action = request.POST.get("_transition")
        if not action:
            return True
        try:
            workflow.apply_action(
                action=action,
                article=obj,
                by=request.user,
                note=request.POST.get("_transition_note", ""),
                seen=request.POST.get("_transition_seen") or None,
            )
        except workflow.WorkflowError as error:
            self.message_user(request, str(error), messages.ERROR)
            return False
        self.message_user(request, DONE[action].format(obj.title), messages.SUCCESS)
        return True

    def _say_when(self, request, obj) -> None:
        if obj.status == Article.Status.PUBLISHED and obj.publish_at > timezone.now():
            at = timezone.localtime(obj.publish_at)
            self.message_user(
                request, f"Bài sẽ đăng lúc {at:%H:%M} ngày {at:%d/%m/%Y}.", messages.INFO
            )

    def response_add(self, request, obj, post_url_continue=None):
        # A refused step leaves the new article saved as a draft, and says why.
        self._run_transition(request, obj)
        self._say_when(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        held = getattr(obj, "_held_for_approval", False)
        if held:
            self.message_user(
                request,
                "Không có thay đổi nào để gửi duyệt."
                if held == "unchanged"
                else "Đã lưu bản sửa và gửi duyệt. Bạn đọc vẫn thấy bản đang đăng đến khi bản "
                "sửa được duyệt.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        if not self._run_transition(request, obj):
            # Nothing of this request is kept: not the step, not the edits that came with it.
            transaction.set_rollback(True)
            return HttpResponseRedirect(request.path)
        self._say_when(request, obj)
        return super().response_change(request, obj)

    # --- list columns and actions -------------------------------------------------------------

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

    def _apply_to_selected(self, request, queryset, action) -> None:
        done, refused = 0, []
        for article in queryset:
            try:
                workflow.apply_action(action=action, article=article, by=request.user)
            except workflow.WorkflowError as error:
                refused.append(f"“{article.title}”: {error}")
            else:
                done += 1
        label = workflow.Action(action).label.lower()
        self.message_user(request, f"Đã {label} {done} bài.", messages.SUCCESS)
        for reason in refused:
            self.message_user(request, reason, messages.WARNING)

    @admin.action(description=_("Gửi duyệt các bài đã chọn"), permissions=["submit"])
    def submit(self, request, queryset):
        self._apply_to_selected(request, queryset, workflow.Action.SUBMIT)

    @admin.action(description=_("Duyệt đăng các bài đã chọn"), permissions=["approve"])
    def publish(self, request, queryset):
        self._apply_to_selected(request, queryset, workflow.Action.APPROVE)

    @admin.action(description=_("Gỡ xuống các bài đã chọn"), permissions=["approve"])
    def unpublish(self, request, queryset):
        self._apply_to_selected(request, queryset, workflow.Action.UNPUBLISH)


class RedirectImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp CSV",
        help_text="Hai cột: địa chỉ cũ (bắt đầu bằng /) và địa chỉ mới (/… hoặc https://…); "
        "dòng tiêu đề được bỏ qua. Lưu dạng CSV UTF-8.",
    )


# Old addresses: Django's own redirect admin, searched like every other list, with a CSV
# import of the old site's addresses (news/services.py).
admin.site.unregister(Redirect)


@admin.register(Redirect)
class OldAddressAdmin(RedirectAdmin):
    search_fields = ["old_path__fold_contains", "new_path__fold_contains"]
    change_list_template = "news/admin/redirect_change_list.html"

    def get_urls(self):
        return [
            path(
                "nhap-csv/",
                self.admin_site.admin_view(self.import_view),
                name="redirects_redirect_import_csv",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = RedirectImportForm(request.POST or None, request.FILES or None)
        outcome = None
        if request.method == "POST" and form.is_valid():
            outcome = services.import_redirects(data=form.cleaned_data["file"].read())
            self.message_user(
                request,
                f"Đã thêm {outcome.created} và cập nhật {outcome.updated} địa chỉ chuyển hướng.",
                messages.SUCCESS,
            )
            if not outcome.errors:
                return HttpResponseRedirect(reverse("admin:redirects_redirect_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Nhập địa chỉ cũ từ tệp CSV",
            "opts": self.opts,
            "form": form,
            "outcome": outcome,
        }
        return TemplateResponse(request, "news/admin/redirect_import.html", context)
