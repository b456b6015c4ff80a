"""The admin's revision pages for articles and pages: list, compare two, restore one.

A mixin for ``ModelAdmin``: every add or change form runs inside one reversion revision (with
the account and which fields changed), and ``<id>/phien-ban/`` lists the stored versions,
compares any two (``?a=&b=``), and asks before restoring one (``?restore=``, then POST).
"""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from . import history


class RevisionsAdmin:
    revisions_template = "news/admin/revisions.html"

    def get_urls(self):
        app_label, model_name = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/phien-ban/",
                self.admin_site.admin_view(self.revisions_view),
                name=f"{app_label}_{model_name}_revisions",
            ),
            *super().get_urls(),
        ]

    def _changeform_view(self, request, object_id, form_url, extra_context):
        # Inside the admin's transaction, so a request that is rolled back keeps no revision.
        with reversion.create_revision(atomic=False):
            reversion.set_user(request.user)
            return super()._changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if reversion.is_active():
            labels = [
                str(form.fields[name].label) for name in form.changed_data if name in form.fields
            ]
            reversion.set_comment(
                ("Sửa: " + ", ".join(labels))
                if change and labels
                else ("Sửa" if change else "Tạo mới")
            )
        super().save_model(request, obj, form, change)

    def restore_version(self, request, obj, version) -> str:
        """Write ``version`` back; the article admin sends live articles through approval."""
        history.save_content(
            obj, version.field_dict, by=request.user, comment=f"Khôi phục phiên bản #{version.pk}"
        )
        return "restored"

    def revisions_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        may_restore = self.has_change_permission(request, obj)
        here = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_revisions", args=[obj.pk]
        )
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]
        )
        versions = list(history.versions_of(obj))
        by_id = {str(v.pk): v for v in versions}
        if request.method == "POST":
            version = by_id.get(request.POST.get("restore", ""))
            if not may_restore:
                raise PermissionDenied
            if version is None:
                self.message_user(request, "Không có phiên bản này.", messages.ERROR)
                return HttpResponseRedirect(here)
            outcome = self.restore_version(request, obj, version)
            if outcome == "pending":
                self.message_user(
                    request,
                    f"Đã lấy lại phiên bản #{version.pk} thành bản sửa chờ duyệt; bạn đọc vẫn "
                    "thấy bản đang đăng đến khi bản sửa được duyệt.",
                    messages.SUCCESS,
                )
            else:
                self.message_user(
                    request,
                    f"Đã khôi phục phiên bản #{version.pk} (lưu thành phiên bản mới).",
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(change_url)

        model = type(obj)
        current = history.content_of(obj)
        older, newer = by_id.get(request.GET.get("a", "")), by_id.get(request.GET.get("b", ""))
        if older is None and newer is None and len(versions) >= 2:
            older, newer = versions[1], versions[0]
        comparison = None
        if older is not None and newer is not None:
            comparison = history.compare(model, older.field_dict, newer.field_dict)
        to_restore = by_id.get(request.GET.get("restore", ""))
        restore_diff = (
            history.compare(model, current, to_restore.field_dict) if to_restore else None
        )
        context = {
            **self.admin_site.each_context(request),
            "title": f"Các phiên bản: {obj}",
            "subtitle": None,
            "opts": self.opts,
            "original": obj,
            "change_url": change_url,
            "versions": versions,
            "older": older,
            "newer": newer,
            "comparison": comparison,
            "to_restore": to_restore,
            "restore_diff": restore_diff,
            "may_restore": may_restore,
            "has_view_permission": True,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.revisions_template, context)
