"""Fixtures shared by the whole test suite (keep only generally useful ones here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository checkout the tests run from."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def seed_path(repo_root: Path) -> Path:
    """The seed article (first corpus document)."""
    return repo_root / "corpus" / "2025-12-02-kremlin-meeting.fr.txt"


@pytest.fixture
def cli_runner() -> CliRunner:
    """A click runner that keeps stdout and stderr apart (data vs messages)."""
    try:
        return CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        return CliRunner()  # click >= 8.2 always separates result.stdout and result.stderr
