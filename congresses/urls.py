from django.urls import path

from . import views

app_name = "congresses"

urlpatterns = [
    path("", views.progress, name="progress"),
]
