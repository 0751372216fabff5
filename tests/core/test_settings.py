"""Production settings: `check --deploy` is clean, and a missing secret key stops the start."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def manage(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"))
    }
    environment.update(ATELIERS_VAR_DIR=str(tmp_path), **env)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("secret_from", ["variable", "file"])
def test_check_deploy_passes_with_production_settings(tmp_path, secret_from):
    secret = secrets.token_urlsafe(45)[:60]
    assert len(secret) == 60
    if secret_from == "file":
        secret_file = tmp_path / "secret_key"
        secret_file.write_text(secret + "\n")
        env = {"SECRET_KEY_FILE": str(secret_file)}
    else:
        env = {"SECRET_KEY": secret}
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
        DJANGO_ENV="production",
        ALLOWED_HOSTS="example.org",
        **env,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output
    assert "System check identified no issues" in output


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = manage("check", tmp_path=tmp_path, DJANGO_ENV="production", ALLOWED_HOSTS="x.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [("DJANGO_DEBUG", "ture"), ("EMAIL_USE_TLS", "oui"), ("EMAIL_PORT", "2x")],
)
def test_a_mistyped_value_stops_the_start_with_its_name(tmp_path, variable, value):
    result = manage("check", tmp_path=tmp_path, **{variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{variable}={value!r}" in result.stderr


def test_yes_and_no_words_are_read_both_ways(monkeypatch):
    from ateliers.env import env_bool

    for word, meaning in [("yes", True), ("ON", True), ("0", False), (" false ", False)]:
        monkeypatch.setenv("ATELIERS_TEST_FLAG", word)
        assert env_bool("ATELIERS_TEST_FLAG", not meaning) is meaning
