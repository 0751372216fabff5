"""What the tests need from the machine: optional on a laptop, required in CI."""

import os

import pytest


def in_ci() -> bool:
    """Whether CI runs the tests (`CI` set to anything but empty, 0, false or no)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(present: bool, missing: str) -> None:
    """Skip the test when a tool is missing on a laptop; fail in CI, where a silent skip
    would hide that nothing was checked."""
    if present:
        return
    if in_ci():
        pytest.fail(missing, pytrace=False)
    pytest.skip(missing)
