"""Old addresses keep answering: slug changes and the old site's paths (django.contrib.redirects)."""

from django.contrib.auth.models import User
from django.contrib.redirects.models import Redirect
from django.core.files.uploadedfile import SimpleUploadedFile

from news.models import Category
from tests.factories import make_article

IMPORT_URL = "/admin/redirects/redirect/nhap-csv/"


def test_article_slug_change_answers_301_from_the_old_address(client, category):
    article = make_article("Đại hội điểm", categories=[category], slug="dai-hoi-diem")
    article.slug = "dai-hoi-diem-tho-xuan"
    article.save()
    response = client.get("/tin-tuc/dai-hoi-diem/")
    assert (response.status_code, response["Location"]) == (301, "/tin-tuc/dai-hoi-diem-tho-xuan/")
    assert client.get("/tin-tuc/dai-hoi-diem-tho-xuan/").status_code == 200


def test_a_second_change_points_every_old_address_to_the_newest(client, category):
    article = make_article("Bài", slug="ban-dau")
    for slug in ["ban-hai", "ban-ba"]:
        article.slug = slug
        article.save()
    assert sorted(Redirect.objects.values_list("old_path", "new_path")) == [
        ("/tin-tuc/ban-dau/", "/tin-tuc/ban-ba/"),
        ("/tin-tuc/ban-hai/", "/tin-tuc/ban-ba/"),
    ]
    # Back to the first address: it is live again, so no redirect away from it.
    article.slug = "ban-dau"
    article.save()
    assert sorted(Redirect.objects.values_list("old_path", "new_path")) == [
        ("/tin-tuc/ban-ba/", "/tin-tuc/ban-dau/"),
        ("/tin-tuc/ban-hai/", "/tin-tuc/ban-dau/"),
    ]
    assert client.get("/tin-tuc/ban-dau/").status_code == 200


def test_category_slug_change_answers_301(client, category):
    make_article("Bài trong chuyên mục", categories=[category])
    category.slug = "tin-tuc"
    category.save()
    response = client.get("/chuyen-muc/tin-tuc-su-kien/")
    assert (response.status_code, response["Location"]) == (301, "/chuyen-muc/tin-tuc/")


def test_saving_without_a_slug_change_records_nothing(category):
    article = make_article("Bài")
    article.title = "Bài đổi tiêu đề"
    article.save()
    Category.objects.get(pk=category.pk).save()
    assert not Redirect.objects.exists()


def test_editor_imports_old_site_addresses_from_csv(editor_client, client, category):
    article = make_article("Bài mới", slug="bai-moi")
    Redirect.objects.create(site_id=1, old_path="/cu.html", new_path="/sai/")
    csv = (
        "Địa chỉ cũ,Địa chỉ mới\n"
        "/news/bai-moi-123.html,/tin-tuc/bai-moi/\n"
        "/cu.html,https://congdoanthanhhoa.vn/\n"
        "khong-co-gach,/x/\n"
        "/thieu-cot\n"
    ).encode()
    response = editor_client.post(
        IMPORT_URL, {"file": SimpleUploadedFile("cu-moi.csv", csv, "text/csv")}
    )
    assert response.status_code == 200  # errors are listed on the page
    text = response.text
    assert "Dòng 4: địa chỉ cũ “khong-co-gach” phải bắt đầu bằng /." in text
    assert "Dòng 5: cần hai cột" in text
    assert sorted(Redirect.objects.values_list("old_path", "new_path")) == [
        ("/cu.html", "https://congdoanthanhhoa.vn/"),
        ("/news/bai-moi-123.html", "/tin-tuc/bai-moi/"),
    ]
    old = client.get("/news/bai-moi-123.html")
    assert (old.status_code, old["Location"]) == (301, article.get_absolute_url())


def test_csv_import_without_errors_goes_back_to_the_list(editor_client):
    csv = SimpleUploadedFile("a.csv", b"/a.html,/tin-tuc/\n", "text/csv")
    response = editor_client.post(IMPORT_URL, {"file": csv})
    assert (response.status_code, response["Location"]) == (302, "/admin/redirects/redirect/")


def test_csv_import_needs_the_add_permission(client, contributor):
    client.force_login(contributor)
    assert client.get(IMPORT_URL).status_code == 403
    csv = SimpleUploadedFile("a.csv", b"/a.html,/b/\n", "text/csv")
    assert client.post(IMPORT_URL, {"file": csv}).status_code == 403
    assert not Redirect.objects.exists()


def test_editors_manage_redirects_in_the_admin(editor_client, editor):
    assert editor.has_perm("redirects.add_redirect")
    page = editor_client.get("/admin/redirects/redirect/")
    assert page.status_code == 200 and "Nhập từ tệp CSV" in page.text
    assert not User.objects.get(pk=editor.pk).has_perm("sites.change_site")
