import pytest


@pytest.fixture(autouse=True)
def _english_pages(english):
    # The assertions read the English source strings (French: tests/test_i18n.py).
    pass
