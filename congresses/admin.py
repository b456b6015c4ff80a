"""District staff's workplace: unions and congresses of their own federation only.

Every restriction lives here on the server: ``get_queryset`` (lists, change/delete pages,
exports), the ``has_*_permission`` methods, the choices offered in forms (a crafted POST with
another federation's id fails form validation) and ``save_model`` (checked again before saving).
"""

import os

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AdminFileWidget, AutocompleteSelect
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import XLSX

from news.models import Article
from unionsite.admin import EditableOnlyByMixin
from unionsite.images import reencode_image, validate_image_upload

from . import pending, permissions, selectors
from .forms import ImportConfirmForm, ImportUploadForm
from .models import Congress, CongressPhoto, GuidingDocument, Organisation, StaffAssignment, Term
from .resources import CongressResource
from .selectors import current_term
from .services import BomCSV, ImportFileError, import_congresses
from .sheets import template_workbook
from .views import xlsx_response
from .workbooks import MAX_UPLOAD_BYTES


class FederationFilter(admin.SimpleListFilter):
    title = _("công đoàn cấp trên")
    parameter_name = "federation"
    lookup_path = "parent"

    def lookups(self, request, model_admin):
        federations = permissions.visible_organisations(request.user).federations()
        return [(str(f.pk), f.name) for f in federations]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(**{f"{self.lookup_path}_id": int(value)})


class CongressFederationFilter(FederationFilter):
    lookup_path = "organisation__parent"


class ProvinceOnlyAdmin(EditableOnlyByMixin, admin.ModelAdmin):
    """Terms and guiding documents: district staff may read them, province staff edit them."""

    def may_edit(self, request) -> bool:
        return permissions.sees_all_federations(request.user)


@admin.register(Term)
class TermAdmin(ProvinceOnlyAdmin):
    list_display = ["__str__", "is_current", "grassroots_deadline"]


@admin.register(GuidingDocument)
class GuidingDocumentAdmin(ProvinceOnlyAdmin):
    list_display = ["number", "issued_on", "issuer", "title"]
    list_filter = ["terms", "issuer"]
    search_fields = ["number__fold_contains", "title__fold_contains", "issuer__fold_contains"]
    filter_horizontal = ["terms"]


def _account_managers() -> list[str]:
    """Active superusers as "Name (e-mail)": the people who link accounts to federations."""
    people = get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("pk")
    return [
        f"{u.get_full_name() or u.username}" + (f" ({u.email})" if u.email else "") for u in people
    ]


class FederationNoticeMixin:
    """A district officer whose account is not linked to a federation sees empty lists; say
    why, and whom to ask, instead of leaving them to guess."""

    def _warn_without_federation(self, request):
        user = request.user
        if permissions.sees_all_federations(user) or permissions.assigned_federation_id(user):
            return
        managers = ", ".join(_account_managers()) or "quản trị trang"
        messages.warning(
            request,
            "Tài khoản của bạn chưa được gắn với LĐLĐ huyện nào, nên chưa thấy và chưa nhập "
            f"được đơn vị nào. Hãy nhờ người quản trị tài khoản ({managers}) gắn tài khoản "
            "với LĐLĐ huyện bạn phụ trách.",
        )

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            self._warn_without_federation(request)
        return super().changelist_view(request, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        if request.method == "GET":
            self._warn_without_federation(request)
        return super().add_view(request, form_url, extra_context)


class ScopedImportExportAdmin(FederationNoticeMixin, ImportExportModelAdmin):
    """Export limited by the same boundary as the lists; import through
    ``services.import_congresses`` (the one front door, also used by the command): upload →
    preview of every row → confirm."""

    import_formats = [XLSX, BomCSV]
    export_formats = [XLSX, BomCSV]
    import_template_name = "congresses/admin/import.html"

    def get_export_resource_kwargs(self, request, **kwargs):
        return {"user": request.user}

    def get_export_queryset(self, request):
        return super().get_export_queryset(request) & self.get_queryset(request)

    def get_valid_export_item_pks(self, request):
        # Rows chosen with the "export selected" action: only those inside the scope.
        return self.get_queryset(request).values_list("pk", flat=True)

    def has_import_permission(self, request):
        return permissions.may_import_congresses(request.user)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def _import_page(self, request, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Nhập bảng tính đại hội",
            "max_megabytes": MAX_UPLOAD_BYTES // 1024 // 1024,
            **context,
        }
        return TemplateResponse(request, self.import_template_name, context)

    def import_action(self, request, **kwargs):
        """Upload and preview: a dry run whose every row is shown; nothing is saved."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ImportUploadForm(request.POST or None, request.FILES or None)
        if request.method != "POST" or not form.is_valid():
            return self._import_page(request, form=form)
        upload = form.cleaned_data["import_file"]
        extension = os.path.splitext(upload.name.lower())[1]
        try:
            if upload.size > MAX_UPLOAD_BYTES:
                # Not even read: the limit message comes from the same rule as the command's.
                raise ImportFileError(
                    f"Tệp “{upload.name}” nặng {upload.size / 1024 / 1024:.0f} MB, vượt giới "
                    f"hạn {MAX_UPLOAD_BYTES // 1024 // 1024} MB."
                )
            content = upload.read()
            report = import_congresses(
                content=content, filename=upload.name, user=request.user, dry_run=True
            )
        except ImportFileError as exc:
            form.add_error("import_file", str(exc))
            return self._import_page(request, form=form)
        confirm_form = None
        if report.ok:
            token = pending.keep(user=request.user, content=content, extension=extension)
            confirm_form = ImportConfirmForm(
                initial={"token": token, "extension": extension, "filename": upload.name}
            )
        return self._import_page(
            request, form=form, report=report, confirm_form=confirm_form, filename=upload.name
        )

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        """Confirm: import the file kept at the preview, all or nothing."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ImportConfirmForm(request.POST)
        content = None
        if form.is_valid():
            content = pending.take(
                user=request.user,
                token=form.cleaned_data["token"],
                extension=form.cleaned_data["extension"],
            )
        if content is None:
            messages.error(
                request,
                "Tệp chờ nhập không còn (quá một giờ, đã nhập rồi, hoặc do tài khoản khác tải "
                "lên). Hãy tải tệp lên lại.",
            )
            return redirect(reverse(f"admin:{self._import_url_name()}"))
        filename = form.cleaned_data["filename"]
        try:
            report = import_congresses(
                content=content,
                filename=filename,
                user=request.user,
                accept_similar=form.accepted_rows(request.POST),
            )
        except ImportFileError as exc:
            report = None
            problem = str(exc)
        if report is not None and report.saved:
            held = f", {report.held} dòng giữ lại (không tạo)" if report.held else ""
            messages.success(
                request,
                f"Đã nhập xong “{filename}”: {report.new} mới, {report.updated} cập nhật, "
                f"{report.skipped} không đổi{held}.",
            )
            return redirect(reverse(f"admin:{self.model._meta.app_label}_congress_changelist"))
        if report is not None:
            problem = f"{len(report.errors)} dòng lỗi khi lưu"
        messages.error(
            request,
            f"Chưa nhập “{filename}”: {problem}. Mọi thay đổi đã được hoàn tác, không dòng nào "
            "được lưu. Sửa tệp rồi tải lên lại.",
        )
        return self._import_page(
            request, form=ImportUploadForm(), report=report, filename=filename, rolled_back=True
        )

    def get_urls(self):
        opts = self.model._meta
        own = [
            path(
                "mau-nhap-lieu.xlsx",
                self.admin_site.admin_view(self.template_view),
                name=f"{opts.app_label}_{opts.model_name}_template",
            )
        ]
        return own + super().get_urls()

    def template_view(self, request):
        """The import template with the officer's own federation's unions listed."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        workbook = template_workbook(user=request.user, term=current_term())
        return xlsx_response(workbook, "mau-nhap-lieu-dai-hoi.xlsx")

    def _import_url_name(self) -> str:
        opts = self.model._meta
        return f"{opts.app_label}_{opts.model_name}_import"


@admin.register(Organisation)
class OrganisationAdmin(FederationNoticeMixin, admin.ModelAdmin):
    list_display = ["name", "level", "kind_or_type", "parent", "member_count", "dissolved_on"]
    list_filter = ["level", "federation_kind", "grassroots_type", FederationFilter]
    search_fields = ["name__fold_contains", "code__fold_contains", "slug__fold_contains"]
    list_select_related = ["parent"]
    readonly_fields = ["slug"]
    fieldsets = [
        (None, {"fields": ["name", "code", "slug", "level", "parent"]}),
        (_("Loại"), {"fields": ["federation_kind", "grassroots_type", "member_count"]}),
        (_("Thời gian tồn tại"), {"fields": ["established_on", "dissolved_on", "merged_into"]}),
    ]

    @admin.display(description=_("Loại"))
    def kind_or_type(self, obj):
        return obj.get_federation_kind_display() or obj.get_grassroots_type_display()

    def get_queryset(self, request):
        visible = permissions.visible_organisations(request.user)
        return super().get_queryset(request).filter(pk__in=visible.values("pk"))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return permissions.may_edit_organisation(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return permissions.may_edit_organisation(request.user, obj)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        federation_id = permissions.assigned_federation_id(request.user)
        if not permissions.sees_all_federations(request.user) and federation_id:
            initial.setdefault("level", Organisation.Level.GRASSROOTS)
            initial.setdefault("parent", federation_id)
        return initial

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "level" and not permissions.sees_all_federations(request.user):
            kwargs["choices"] = [
                (Organisation.Level.GRASSROOTS, Organisation.Level.GRASSROOTS.label)
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not permissions.sees_all_federations(request.user):
            federation_id = permissions.assigned_federation_id(request.user)
            if db_field.name == "parent":
                kwargs["queryset"] = Organisation.objects.filter(pk=federation_id)
            elif db_field.name == "merged_into":
                kwargs["queryset"] = permissions.editable_organisations(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not permissions.may_edit_organisation(request.user, obj):
            raise PermissionDenied("Bạn chỉ được sửa công đoàn cơ sở thuộc đơn vị mình.")
        super().save_model(request, obj, form, change)


class PhotoInput(AdminFileWidget):
    """The file box with the stored photo shown small above it, not only its path."""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        photo = getattr(value, "instance", None)
        if not (value and getattr(value, "url", None) and isinstance(photo, CongressPhoto)):
            return html
        size = ""
        if photo.width and photo.height:
            size = format_html(
                ' width="160" height="{}"', max(1, round(160 * photo.height / photo.width))
            )
        return format_html(
            '<p class="photo-thumbnail"><img src="{}" alt="Ảnh hiện tại: {}"{}></p>{}',
            value.url,
            photo.caption or photo.congress,
            size,
            html,
        )


class CongressPhotoForm(forms.ModelForm):
    # A plain file field: the shared validator (Pillow, size, pixel limits) gives the message,
    # in Vietnamese, instead of Django's generic "upload a valid image".
    image = forms.FileField(label="Ảnh", widget=PhotoInput)

    class Meta:
        model = CongressPhoto
        fields = ["image", "caption", "position"]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "content_type"):  # a new upload, not the stored file
            validate_image_upload(image)
            self._reencoded = reencode_image(image)
        return image

    def save(self, commit=True):
        photo = super().save(commit=False)
        reencoded = getattr(self, "_reencoded", None)
        if reencoded is not None:
            photo.image = reencoded
        if commit:
            photo.save()
        return photo


class CongressPhotoInline(admin.TabularInline):
    model = CongressPhoto
    form = CongressPhotoForm
    extra = 1


class CongressAdminForm(forms.ModelForm):
    # No Meta: the admin builds the form for Congress with the fields of its fieldsets.

    def clean(self):
        cleaned = super().clean()
        organisation, term = cleaned.get("organisation"), cleaned.get("term")
        if organisation is None or term is None:
            return cleaned
        existing = (
            Congress.objects.filter(organisation=organisation, term=term)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if existing is not None:
            # On the field, so the model's own unique check (same words, no link) is skipped.
            # The organisation was offered in this form, so the account may open that record.
            url = reverse("admin:congresses_congress_change", args=[existing.pk])
            self.add_error(
                "organisation",
                format_html(
                    '{} đã có đại hội trong nhiệm kỳ {}: <a href="{}">mở bản ghi đó để sửa</a>'
                    " thay vì nhập lại.",
                    organisation.name,
                    term,
                    url,
                ),
            )
        return cleaned


class ArticleAutocompleteView(AutocompleteJsonView):
    """The congress form's article picker: published articles found with the article admin's
    search (diacritics ignored), for anyone who may record a congress. District officers have
    no rights on articles, so Django's own autocomplete would refuse them."""

    congress_admin = None

    def process_request(self, request):
        term, model_admin, source_field, to_field_name = super().process_request(request)
        if source_field != Congress._meta.get_field("article"):
            raise PermissionDenied  # this address answers for that one field only
        return term, model_admin, source_field, to_field_name

    def has_perm(self, request, obj=None):
        return self.congress_admin.has_add_permission(
            request
        ) or self.congress_admin.has_change_permission(request)

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=Article.objects.published().values("pk"))


class ArticleAutocomplete(AutocompleteSelect):
    def get_url(self):
        return reverse(f"{self.admin_site.name}:congresses_congress_article_autocomplete")


@admin.register(Congress)
class CongressAdmin(ScopedImportExportAdmin):
    form = CongressAdminForm
    resource_classes = [CongressResource]
    inlines = [CongressPhotoInline]
    list_display = [
        "organisation",
        "federation",
        "term",
        "kind_column",
        "status",
        "deadline_column",
        "held_on",
        "assessment",
    ]
    list_filter = ["term", CongressFederationFilter, "level", "kind", "status", "assessment"]
    search_fields = [
        "organisation__name__fold_contains",
        "organisation__code__fold_contains",
        "chair_name__fold_contains",
    ]
    list_select_related = ["organisation__parent", "term"]
    date_hierarchy = "held_on"
    filter_horizontal = ["guiding_documents"]
    autocomplete_fields = ["organisation", "article"]
    fieldsets = [
        (None, {"fields": ["organisation", "term", "level", "kind", "ordinal"]}),
        (_("Hình thức"), {"fields": ["form", "meeting_type"]}),
        (
            _("Tiến độ"),
            {"fields": ["status", "not_required_reason", "deadline", "planned_on", "held_on"]},
        ),
        (
            _("Kết quả"),
            {
                "fields": [
                    "delegates_summoned",
                    "delegates_attending",
                    "executive_seats",
                    "chair_name",
                    "inspection_committee_elected",
                    "higher_delegates_elected",
                    "assessment",
                    "motto",
                ]
            },
        ),
        (_("Liên quan"), {"fields": ["guiding_documents", "article", "notes"]}),
    ]

    @admin.display(description=_("Công đoàn cấp trên"), ordering="organisation__parent__sort_key")
    def federation(self, obj):
        return obj.organisation.parent or "—"

    @admin.display(description=_("Loại"), ordering="kind")
    def kind_column(self, obj):
        return obj.kind_label

    @admin.display(description=_("Hạn tổ chức"))
    def deadline_column(self, obj):
        # Only while the congress is still to be held: not for one held or not required.
        if obj.status not in Congress.PENDING_STATUSES or obj.effective_deadline is None:
            return "—"
        return f"{obj.effective_deadline:%d/%m/%Y}"

    def get_urls(self):
        view = ArticleAutocompleteView.as_view(admin_site=self.admin_site, congress_admin=self)
        return [
            path(
                "article-autocomplete/",
                self.admin_site.admin_view(view),
                name="congresses_congress_article_autocomplete",
            ),
            *super().get_urls(),
        ]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if "term" not in initial:
            term = selectors.current_term()
            if term is not None:
                initial["term"] = term.pk
        return initial

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if obj is not None and obj.level != Congress.Level.GRASSROOTS:
            # "Đại hội đại trà" is a grassroots word: a district or province congress is
            # offered under its own name (it is stored as the regular kind).
            kind = form.base_fields["kind"]
            kind.choices = [(Congress.Kind.REGULAR, obj.kind_label)]
        return form

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        scope = permissions.congress_scope(request.user)
        return queryset if scope is None else queryset.filter(scope)

    def _may_edit(self, request, obj):
        return permissions.may_edit_congress_of(request.user, obj.organisation)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed if obj is None or not allowed else self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed if obj is None or not allowed else self._may_edit(request, obj)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed if obj is None or not allowed else self._may_edit(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation":
            kwargs["queryset"] = permissions.visible_organisations(request.user)
        elif db_field.name == "article":
            kwargs["queryset"] = Article.objects.published().order_by("-publish_at")
            kwargs["widget"] = ArticleAutocomplete(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not permissions.may_edit_congress_of(request.user, obj.organisation):
            raise PermissionDenied("Bạn chỉ được ghi đại hội của đơn vị mình.")
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        if not self._may_edit(request, obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        # Bulk delete action: only rows inside the account's scope.
        super().delete_queryset(request, queryset & self.get_queryset(request))

    def get_export_filename(self, request, queryset, file_format):
        # "dai-hoi-tho-xuan-2026-12-02.xlsx": what the file holds and when, in the site's
        # own words (import-export's default is "Congress-2026-12-02.xlsx").
        federation_id = permissions.assigned_federation_id(request.user)
        scope = "toan-tinh"
        if federation_id and not permissions.sees_all_federations(request.user):
            scope = Organisation.objects.values_list("slug", flat=True).get(pk=federation_id)
        day = timezone.localdate().isoformat()
        return f"dai-hoi-{scope}-{day}.{file_format.get_extension()}"


@admin.register(StaffAssignment)
class StaffAssignmentAdmin(admin.ModelAdmin):
    """Only superusers link accounts to federations."""

    list_display = ["user", "organisation"]
    list_select_related = ["user", "organisation"]
    autocomplete_fields = ["user"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation":
            kwargs["queryset"] = Organisation.objects.federations()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
