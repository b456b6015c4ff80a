import pytest

from tests.factories import staff_in


@pytest.fixture
def editor(db):
    return staff_in("bientap", "Biên tập viên")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
