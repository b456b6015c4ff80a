"""seed_demo's documents: the three cited documents with sample PDFs, every status, linked to
the Thọ Xuân congresses; running it again changes nothing."""

import io

import pytest
from pypdf import PdfReader

from congresses import demo as congress_demo
from congresses.models import Congress, GuidingDocument
from documents import demo
from documents.models import Document, DocumentFile, Status

pytestmark = pytest.mark.django_db


def test_demo_documents_are_linked_marked_as_samples_and_idempotent(client):
    congress_demo.seed()
    demo.seed()
    counts = (Document.objects.count(), DocumentFile.objects.count())
    demo.seed()
    assert (Document.objects.count(), DocumentFile.objects.count()) == counts == (8, 8)

    statuses = {d.number or d.title: d.status for d in Document.objects.all()}
    assert set(statuses.values()) == set(Status)
    assert statuses["05/HD-LĐLĐ"] == Status.REPLACED

    # Every guiding document of the congress demo now points at its library document.
    assert not GuidingDocument.objects.filter(document__isnull=True).exists()
    kh185 = Document.objects.get(number="185/KH-LĐLĐ")
    assert Congress.objects.filter(
        guiding_documents__document=kh185, organisation__parent__code="THOXUAN"
    ).exists()
    assert kh185.issuer.organisation.code == "THOXUAN"

    attached = Document.objects.get(number="61/KH-LĐLĐ").files.get()
    text = PdfReader(io.BytesIO(attached.file.read())).pages[0].extract_text()
    assert "TAI LIEU MAU" in text and "61/KH-LDLD" in text
    page = client.get(Document.objects.get(number="61/KH-LĐLĐ").get_absolute_url()).text
    assert "Đại hội thực hiện theo văn bản này" in page
