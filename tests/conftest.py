"""Fixtures shared by the whole test suite (keep only generally useful ones here)."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

# Hypothesis profiles, registered before any test module is imported so that
# `pytest --hypothesis-profile=long` finds them. "default" is bounded and derandomized (the same
# examples on every run: CI is not flaky); "long" explores (hundreds of examples per test).
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large]
settings.register_profile("default", max_examples=12, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=_SLOW_OK)
settings.register_profile("long", max_examples=400, deadline=None, print_blob=True,
                          suppress_health_check=_SLOW_OK)
settings.load_profile(os.environ.get("DIPLOGRAPH_HYPOTHESIS_PROFILE", "default"))

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


@pytest.fixture
def trap() -> Iterator[tuple[str, list[bytes]]]:
    """A loopback listener hostile input points at: records and drops every connection.

    Connections are accepted and closed at once, so a client that does connect fails fast
    instead of waiting forever for an answer; the test then finds the request in the list.
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(0.5)
                try:
                    seen.append(connection.recv(200) or b"(connected)")
                except OSError:
                    seen.append(b"(connected)")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/PATH", seen
    finally:
        stop.set()
        thread.join(2)
        listener.close()
