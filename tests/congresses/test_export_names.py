"""Exported spreadsheets are named in the site's words: dai-hoi-tho-xuan-2026-12-02.xlsx."""

from django.urls import reverse
from django.utils import timezone

from congresses.resources import CongressResource


def _export(client, file_format: str):
    data = {"format": file_format, "resource": "0"}
    for name in CongressResource().get_export_order():
        data[f"congressresource_{name}"] = "on"
    return client.post(reverse("admin:congresses_congress_export"), data)


def test_officer_export_is_named_after_the_federation_and_the_day(client, officer_a, term):
    client.force_login(officer_a)
    day = timezone.localdate().isoformat()
    response = _export(client, "0")
    assert response["Content-Disposition"] == f'attachment; filename="dai-hoi-tho-xuan-{day}.xlsx"'
    response = _export(client, "1")
    assert response["Content-Disposition"] == f'attachment; filename="dai-hoi-tho-xuan-{day}.csv"'


def test_province_export_is_named_for_the_whole_province(client, province_officer, term):
    client.force_login(province_officer)
    day = timezone.localdate().isoformat()
    response = _export(client, "0")
    assert response["Content-Disposition"] == (
        f'attachment; filename="dai-hoi-toan-tinh-{day}.xlsx"'
    )
