"""The document library in the admin: editors and province staff manage every document;
a district officer only those issued by their own federation (checked on the server in
``get_queryset``, the issuer choices, the object permissions and ``save_model``)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from news.selectors import clean_query
from unionsite.admin import EditableOnlyByMixin

from . import bulk, permissions, services
from .forms import BulkUploadForm
from .models import Document, DocumentFile, DocumentType, Field, Issuer
from .selectors import search_documents


class ListAdmin(EditableOnlyByMixin, admin.ModelAdmin):
    """Loại, cơ quan ban hành and lĩnh vực: everyone reads them, those who manage every
    document edit them."""

    search_fields = ["name__fold_contains"]

    def may_edit(self, request) -> bool:
        return permissions.manages_all_documents(request.user)


@admin.register(DocumentType)
class DocumentTypeAdmin(ListAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]


@admin.register(Issuer)
class IssuerAdmin(ListAdmin):
    list_display = ["name", "organisation", "order"]
    list_editable = ["order"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]


@admin.register(Field)
class FieldAdmin(ListAdmin):
    list_display = ["name"]


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 1
    fields = ["file", "title", "position", "file_info"]
    readonly_fields = ["file_info"]

    @admin.display(description=_("Tệp gốc"))
    def file_info(self, obj):
        if not obj or not obj.pk:
            return "—"
        return format_html("{} ({}, {})", obj.original_name, obj.label, filesizeformat(obj.size))


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = [
        "number", "short_title", "doc_type", "issuer", "issued_on", "status_label",
        "is_published",
    ]  # fmt: skip
    list_display_links = ["number", "short_title"]
    list_filter = ["doc_type", "issuer", "fields", "is_published", "issued_year"]
    list_select_related = ["doc_type", "issuer"]
    search_fields = ["number__fold_contains", "title__fold_contains"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["replaced_by", "related", "articles"]
    filter_horizontal = ["fields"]
    inlines = [DocumentFileInline]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    save_on_top = True
    change_list_template = "documents/admin/change_list.html"
    fieldsets = [
        (None, {"fields": ["number", "doc_type", "issuer", "signer", "title", "body"]}),
        (
            _("Ngày tháng và hiệu lực"),
            {
                "fields": [
                    "issued_on",
                    "effective_from",
                    "effective_until",
                    "replaced_by",
                    "comment_until",
                ]
            },
        ),  # fmt: skip
        (_("Phân loại và liên kết"), {"fields": ["fields", "related", "articles"]}),
        (_("Đăng tải"), {"fields": ["is_published", "publish_at", "slug"]}),
        (_("Thông tin"), {"classes": ["collapse"], "fields": readonly_fields}),
    ]

    @admin.display(description=_("Trích yếu"))
    def short_title(self, obj):
        return obj.title[:100]

    @admin.display(description=_("Tình trạng"))
    def status_label(self, obj):
        return obj.status.label

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.has_perm("news.view_article"):
            return fieldsets
        # District officers do not work on articles: no article picker they could not search.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "articles"]})
            for name, options in fieldsets
        ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        scope = permissions.document_scope(request.user)
        return queryset if scope is None else queryset.filter(scope)

    def get_search_results(self, request, queryset, search_term):
        # The readers' folding: "61 kh ldld" finds "61/KH-LĐLĐ", "ke hoach dai hoi" its trích yếu.
        _, words = clean_query(search_term)
        if not words:
            return queryset, False
        return search_documents(words, queryset), False

    def _may_edit(self, request, obj):
        return permissions.may_edit_document(request.user, obj)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed if obj is None or not allowed else self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed if obj is None or not allowed else self._may_edit(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "issuer":
            kwargs["queryset"] = permissions.issuers_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not self._may_edit(request, obj):
            raise PermissionDenied("Bạn chỉ được đăng văn bản do đơn vị mình ban hành.")
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.document_saved(document=form.instance)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset & self.get_queryset(request))

    # --- bulk upload: a spreadsheet of metadata and several files, all or nothing ----------

    def get_urls(self):
        return [
            path("nhap/", self.admin_site.admin_view(self.bulk_upload), name="documents_bulk"),
            path(
                "nhap/mau.xlsx",
                self.admin_site.admin_view(self.bulk_template),
                name="documents_bulk_template",
            ),
            *super().get_urls(),
        ]

    def bulk_upload(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = BulkUploadForm(request.POST or None, request.FILES or None)
        result = None
        if request.method == "POST" and form.is_valid():
            result = bulk.import_documents(
                user=request.user,
                sheet=form.cleaned_data["sheet"],
                files=form.cleaned_data["files"],
            )
            if not result.errors:
                self.message_user(
                    request, f"Đã nhập {len(result.created)} văn bản.", messages.SUCCESS
                )
                return redirect("admin:documents_document_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": "Nhập nhiều văn bản từ bảng tính",
            "opts": self.model._meta,
            "form": form,
            "result": result,
        }
        return TemplateResponse(request, "documents/admin/bulk_upload.html", context)

    def bulk_template(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        response = HttpResponse(
            bulk.template_workbook(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="mau-nhap-van-ban.xlsx"'
        return response
