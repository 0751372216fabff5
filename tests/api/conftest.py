import pytest


@pytest.fixture(autouse=True)
def _english(english):
    # Error messages and phase names are read in English, the source language.
    pass
