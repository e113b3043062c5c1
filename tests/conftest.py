"""Shared fixtures: the shared evaluation folder (seed article, eval data) and coded examples."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.settings import shared_dir

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def shared_file(*parts: str) -> Path:
    """A file of ../shared (EVENTWIRE_SHARED); skipped with a reason where absent, failed under CI."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI needs the shared folder (set EVENTWIRE_SHARED)")
        pytest.skip(f"{path} is absent (set EVENTWIRE_SHARED to the shared folder to run this test)")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_file("seed", "libya-talks-ap-2020.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text):
    import eventwire
    return eventwire.code(seed_text, id="seed")
