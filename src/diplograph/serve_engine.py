"""The SPARQL engine behind ``diplograph serve``: an ``oxigraph serve-read-only`` child process.

Why a module of its own: the front (:mod:`diplograph.serve`) judges requests and answers HTTP;
this module starts, supervises and restarts the child that evaluates them, and the test
fixtures that start real stores (Oxigraph, Virtuoso) stop theirs with :func:`stop_process`.
"""

from __future__ import annotations

import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

from diplograph.errors import InputError


def stop_process(process: subprocess.Popen[bytes], timeout: float) -> None:
    """Stop a child store: terminate, wait up to ``timeout`` seconds, then kill (never left running)."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Engine:
    """The ``oxigraph serve-read-only`` child process on an internal loopback port.

    Children are spawned by one long-lived supervisor thread only: Linux delivers the
    parent-death signal (set so that a ``kill -9`` of the front does not orphan the engine)
    when the *thread* that forked the child exits, so a child forked by a short-lived request
    thread would be killed as soon as that request ended.
    """

    def __init__(self, database: Path, timeout: float, binary: str | None = None) -> None:
        self.database = database
        self.timeout = timeout
        self.binary = binary or find_oxigraph()
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.generation = 0
        self._lock = threading.Lock()
        self._log: IO[bytes] | None = None
        self._jobs: queue.Queue[tuple[int, threading.Event, list[BaseException]] | None] = queue.Queue()
        self._supervisor: threading.Thread | None = None

    def start(self) -> None:
        """Start the supervisor and the first child; returns once the child accepts connections."""
        self._supervisor = threading.Thread(target=self._supervise, name="engine-supervisor", daemon=True)
        self._supervisor.start()
        self.restart(self.generation)

    def _supervise(self) -> None:
        while (job := self._jobs.get()) is not None:
            seen, done, errors = job
            try:
                if self.generation == seen or not self.alive():
                    self._stop_child()
                    self._spawn()
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                errors.append(exc)
            finally:
                done.set()

    def _spawn(self) -> None:
        self.port = _free_port()
        self._log = tempfile.TemporaryFile()
        command = [
            self.binary, "serve-read-only", "--location", str(self.database),
            "--bind", f"127.0.0.1:{self.port}",
            "--timeout-s", str(max(1, int(round(self.timeout)))),
        ]
        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log,
            preexec_fn=_die_with_parent,  # noqa: PLW1509 - only sets the parent-death signal
        )
        self._wait_ready()
        self.generation += 1

    def _wait_ready(self, limit: float = 30.0) -> None:
        deadline = time.monotonic() + limit
        assert self.process is not None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise InputError(f"oxigraph server exited ({self.process.returncode}): {self._stderr()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.02)
        self._stop_child()
        raise InputError(f"oxigraph server did not start within {limit:.0f} s")

    def _stderr(self) -> str:
        if self._log is None:
            return ""
        self._log.seek(0)
        return " ".join(self._log.read().decode("utf-8", "replace").split())[-300:]

    def _stop_child(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            stop_process(process, 3)
        if self._log is not None:
            self._log.close()
            self._log = None

    def stop(self) -> None:
        """Terminate the child (SIGTERM, then SIGKILL after 3 s) and the supervisor."""
        self._jobs.put(None)
        with self._lock:
            self._stop_child()

    def restart(self, seen_generation: int) -> None:
        """Restart the child unless it was already restarted since ``seen_generation``; wait for it."""
        with self._lock:
            done = threading.Event()
            errors: list[BaseException] = []
            self._jobs.put((seen_generation, done, errors))
            if not done.wait(60):
                raise InputError("the query engine could not be restarted within 60 s")
        if errors:
            raise errors[0]

    def ensure_alive(self) -> None:
        """Restart the child if it died (crash, OOM kill)."""
        if not self.alive():
            self.restart(self.generation)

    def alive(self) -> bool:
        """Whether the child process is running."""
        process = self.process
        return process is not None and process.poll() is None


def _die_with_parent() -> None:
    """Ask Linux to SIGTERM the child if the front dies without cleaning up (kill -9)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find_oxigraph() -> str:
    """Path of the ``oxigraph`` server binary (PyPI package ``oxigraph``)."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise InputError("the `oxigraph` server is not installed (python3 -m pip install oxigraph)")
    return found
