from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.home, name="home"),
    path("tin-tuc/<slug:slug>/", views.article_detail, name="article"),
    path("chuyen-muc/<slug:slug>/", views.category_detail, name="category"),
    path("the/<slug:slug>/", views.tag_detail, name="tag"),
    path("trang/so-do-trang/", views.site_map, name="site-map"),
    path("trang/<slug:slug>/", views.page_detail, name="page"),
    # In English (Nghị định 42/2022, Điều 7): about, structure, duties, contacts.
    path("en/", views.english_home, name="english-home"),
    path("en/<slug:slug>/", views.english_page, name="english-page"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("rss/<slug:slug>/", feeds.CategoryFeed(), name="category-feed"),
    path("robots.txt", views.robots_txt, name="robots"),
]
