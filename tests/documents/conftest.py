import pytest


@pytest.fixture(autouse=True)
def _english_pages(english):
    # The assertions read the English source strings (French: tests/test_i18n.py).
    pass


@pytest.fixture(autouse=True)
def _uploads_of_this_test(settings, tmp_path):
    # A folder per test, so that a test can see that nothing was stored.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "uploads"},
        },
    }
