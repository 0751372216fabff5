"""Production settings: `check --deploy` is clean, and a missing secret key stops the start."""

import json
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
    [
        ("DJANGO_DEBUG", "ture"),
        ("EMAIL_USE_TLS", "oui"),
        ("EMAIL_PORT", "2x"),
        ("FORM_RATE_LIMIT_FACTOR", "0"),
    ],
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


# A PostgreSQL address that nothing listens on: these settings are read, never used to connect.
UNUSED_POSTGRES_URL = "postgres://nobody@127.0.0.1:1/nothing"
PRINT_DATABASE_SETTINGS = (
    "import json; from django.conf import settings; "
    "print(json.dumps(settings.DATABASES['default'], default=str))"
)


def test_postgresql_connections_are_checked_after_a_pause_and_time_limited(tmp_path):
    result = manage(
        "shell",
        "-c",
        PRINT_DATABASE_SETTINGS,
        tmp_path=tmp_path,
        DATABASE_URL=UNUSED_POSTGRES_URL,
        DATABASE_LOCK_TIMEOUT="2",
    )
    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout.splitlines()[-1])  # after the shell's own notice
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"]["options"] == (
        "-c lock_timeout=2s -c statement_timeout=15s -c idle_in_transaction_session_timeout=20s"
        " -c jit=off"
    )


def test_a_negative_database_timeout_stops_the_start(tmp_path):
    result = manage(
        "check",
        tmp_path=tmp_path,
        DATABASE_URL=UNUSED_POSTGRES_URL,
        DATABASE_STATEMENT_TIMEOUT="-1",
    )
    assert result.returncode != 0
    assert "DATABASE_STATEMENT_TIMEOUT='-1'" in result.stderr


def gunicorn_config(**env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN", "DATABASE"))
    }
    environment.update(env)
    return subprocess.run(  # noqa: S603 - gunicorn from our virtualenv with fixed arguments
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--print-config", "x:y"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def printed(output: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in output.splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def test_gunicorn_workers_outlast_the_database_statement_timeout():
    config = printed(gunicorn_config(GUNICORN_WORKERS="5").stdout)
    assert config["workers"] == "5"
    assert int(config["timeout"]) > 15  # DATABASE_STATEMENT_TIMEOUT's default
    assert config["accesslog"] == "None"


def test_gunicorn_refuses_a_timeout_shorter_than_the_database_statement_timeout():
    result = gunicorn_config(GUNICORN_TIMEOUT="20", DATABASE_STATEMENT_TIMEOUT="25")
    assert result.returncode != 0
    assert "GUNICORN_TIMEOUT=20 must be longer than DATABASE_STATEMENT_TIMEOUT=25" in result.stderr
