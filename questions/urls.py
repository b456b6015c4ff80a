"""Mounted at the site root by portal/urls.py: Hỏi đáp under /hoi-dap/, Góp ý under /gop-y/."""

from django.urls import path

from . import views

app_name = "questions"

urlpatterns = [
    path("hoi-dap/", views.question_list, name="list"),
    path("hoi-dap/gui-cau-hoi/", views.ask, name="ask"),
    path("hoi-dap/tra-cuu/", views.status_lookup, name="lookup"),
    path("hoi-dap/tra-cuu/<str:code>/", views.status, name="status"),
    path("hoi-dap/linh-vuc/<slug:topic_slug>/", views.question_list, name="topic"),
    path("hoi-dap/<slug:slug>/", views.question_detail, name="detail"),
    path("gop-y/", views.feedback, name="feedback"),
    path("gop-y/da-gui/", views.feedback_sent, name="feedback-sent"),
]
