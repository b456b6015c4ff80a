"""Hỏi đáp and Góp ý in the admin.

Questions: the queue of the "Tư vấn pháp luật" group (new → assigned → answered → published,
or rejected), answered in the rich-text editor (sanitised on save) citing library documents.
Feedback: each department's members see the messages sent to their department only
(``get_queryset`` and the permission methods, on the server); superusers and holders of
``questions.view_all_feedback`` see all.
"""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from documents.models import Document

from . import permissions, services
from .models import PUBLISHED_NEEDS_ANSWER, Department, Feedback, Question, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name__fold_contains"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "order"]
    list_editable = ["order"]
    search_fields = ["name__fold_contains"]
    filter_horizontal = ["members"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "members":
            kwargs["queryset"] = permissions.staff_accounts()
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = [
            "asker_name", "district", "topic", "question", "title", "status", "reject_reason",
            "assigned_to", "answer", "documents", "show_name", "slug", "email", "phone",
        ]  # fmt: skip

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if (
            status in (Question.Status.ANSWERED, Question.Status.PUBLISHED)
            and not (data.get("answer") or "").strip()
        ):
            self.add_error("answer", PUBLISHED_NEEDS_ANSWER)
        if status == Question.Status.REJECTED and not data.get("reject_reason"):
            self.add_error("reject_reason", "Chọn lý do từ chối.")
        return data


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    form = QuestionForm
    list_display = [
        "code", "short_title", "topic", "status", "assigned_to", "created_at", "contact",
    ]  # fmt: skip
    list_display_links = ["code", "short_title"]
    list_filter = ["status", "topic", "assigned_to"]
    list_select_related = ["topic", "assigned_to"]
    search_fields = [
        "code__fold_contains", "title__fold_contains", "question__fold_contains",
        "asker_name__fold_contains", "email__fold_contains", "phone__fold_contains",
    ]  # fmt: skip
    date_hierarchy = "created_at"
    filter_horizontal = ["documents"]
    actions = ["assign_to_me", "publish", "reject_as_spam"]
    save_on_top = True
    readonly_fields = [
        "code", "email", "phone", "created_at", "answered_by", "answered_at",
        "answer_emailed_at", "published_at", "contact_erased_at",
    ]  # fmt: skip
    fieldsets = [
        (_("Người hỏi (không công khai liên hệ)"),
         {"fields": ["code", "asker_name", "email", "phone", "district", "created_at"]}),
        (_("Câu hỏi"), {"fields": ["topic", "question", "title"]}),
        (_("Xử lý"), {"fields": ["status", "reject_reason", "assigned_to"]}),
        (_("Trả lời"), {"fields": ["answer", "documents"]}),
        (_("Công khai"), {"fields": ["show_name", "slug"]}),
        (_("Lịch sử xử lý"), {"classes": ["collapse"], "fields": [
            "answered_by", "answered_at", "answer_emailed_at", "published_at",
            "contact_erased_at",
        ]}),
    ]  # fmt: skip

    @admin.display(description=_("Tiêu đề"))
    def short_title(self, obj):
        return obj.public_title[:100]

    @admin.display(description=_("Có liên hệ"), boolean=True)
    def contact(self, obj):
        return obj.has_contact

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is None:
            # A question taken by phone or letter: staff type its contact in.
            fields = [f for f in fields if f not in ("email", "phone")]
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            kwargs["queryset"] = permissions.advisers()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "documents":
            kwargs["queryset"] = Document.objects.published().order_by("-issued_on", "-id")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.record_answer(
            question=obj, user=request.user, answer_changed="answer" in form.changed_data
        )

    @admin.action(description=_("Nhận trả lời các câu hỏi đã chọn"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        count = 0
        for question in queryset.filter(status__in=[Question.Status.NEW, Question.Status.ASSIGNED]):
            question.assigned_to = request.user
            question.status = Question.Status.ASSIGNED
            question.save(update_fields=["assigned_to", "status", "updated_at"])
            count += 1
        self.message_user(request, f"Đã giao {count} câu hỏi cho bạn.", messages.SUCCESS)

    @admin.action(description=_("Công khai các câu hỏi đã trả lời"), permissions=["change"])
    def publish(self, request, queryset):
        count = 0
        for question in queryset.filter(status=Question.Status.ANSWERED).exclude(answer=""):
            question.status = Question.Status.PUBLISHED
            services.record_answer(question=question, user=request.user, answer_changed=False)
            count += 1
        skipped = queryset.count() - count
        note = f" Bỏ qua {skipped} câu chưa trả lời hoặc đã công khai." if skipped else ""
        self.message_user(request, f"Đã công khai {count} câu hỏi.{note}", messages.SUCCESS)

    @admin.action(description=_("Từ chối: thư rác, quảng cáo"), permissions=["change"])
    def reject_as_spam(self, request, queryset):
        count = queryset.exclude(status=Question.Status.PUBLISHED).update(
            status=Question.Status.REJECTED, reject_reason=Question.RejectReason.SPAM
        )
        self.message_user(request, f"Đã từ chối {count} câu hỏi.", messages.SUCCESS)


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["subject", "department", "document", "name", "status", "created_at"]
    list_filter = ["status", "department"]
    list_select_related = ["department", "document"]
    search_fields = ["subject__fold_contains", "message__fold_contains", "name__fold_contains"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "name", "email", "phone", "document", "subject", "message", "created_at",
        "contact_erased_at",
    ]  # fmt: skip
    fields = [
        "department", "status", "note", "name", "email", "phone", "document", "subject",
        "message", "created_at", "contact_erased_at",
    ]  # fmt: skip

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if permissions.sees_all_feedback(request.user):
            return queryset
        return queryset.filter(department__members=request.user)

    def has_module_permission(self, request):
        return permissions.receives_feedback(request.user) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        if permissions.sees_all_feedback(request.user):
            return True
        return permissions.receives_feedback(request.user) and (
            obj is None or permissions.may_handle_feedback(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False  # messages come from the public form only

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
