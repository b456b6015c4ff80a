from django.urls import path

from . import views

app_name = "gallery"

# Mounted at the root (portal/urls.py): the photo library and the video corner are two
# sections of one app.
urlpatterns = [
    path("thu-vien-anh/", views.album_list, name="albums"),
    path("thu-vien-anh/<slug:slug>/", views.album_detail, name="album"),
    path("thu-vien-anh/<slug:slug>/anh-<int:pk>/", views.photo_detail, name="photo"),
    path("video/", views.video_list, name="videos"),
    path("video/<slug:slug>/", views.video_detail, name="video"),
]
