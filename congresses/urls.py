from django.urls import path

from . import views

app_name = "congresses"

urlpatterns = [
    path("", views.progress, name="progress"),
    path("dai-hoi-diem/", views.model_congress_list, name="model-congresses"),
    path("mau-nhap-lieu.xlsx", views.import_template, name="import-template"),
    path("tien-do.xlsx", views.progress_report, name="progress-report"),
    path("<slug:slug>/", views.federation_detail, name="federation"),
    path("<slug:slug>/<int:pk>/", views.congress_detail, name="congress"),
]
