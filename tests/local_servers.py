"""Real triple stores on loopback for the tests and the benchmarks: Oxigraph server and Virtuoso 7.2.

One place for how they are started (their own folder, free ports, no Unix socket), waited for
(HTTP answers an ``ASK {}``) and stopped (terminate, then kill), so that a test and the benchmark
that measures the same store run it the same way. ``benchmarks/stores.py`` imports this module
from ``tests/`` too. Nothing here stands in for a store: each function runs the real binary.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from diplograph.serve_engine import stop_process

__all__ = ["Server", "free_port", "start_oxigraph", "start_virtuoso", "stop_process", "virtuoso_ini"]

_VIRTUOSO_INI = """\
[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
CaseMode = 2
DirsAllowed = {dirs}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = {max_seconds}
"""


@dataclass
class Server:
    """A running store: its base URL, its SQL port (Virtuoso; 0 otherwise), its process, its folder."""

    url: str
    sql_port: int
    process: subprocess.Popen[bytes]
    folder: Path
    query_path: str  # /sparql on Virtuoso, /query on Oxigraph server

    @property
    def sparql(self) -> str:
        """The SPARQL Protocol query endpoint."""
        return self.url + self.query_path

    def log_tail(self, size: int = 500) -> str:
        """The end of Virtuoso's log (why it stopped), empty for a store without one."""
        log = self.folder / "virtuoso.log"
        return log.read_text(errors="replace")[-size:] if log.is_file() else ""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_http(server: Server, limit: float) -> Server:
    deadline = time.monotonic() + limit
    while True:
        try:
            with urllib.request.urlopen(server.sparql + "?query=ASK%7B%7D", timeout=2) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            pass
        if server.process.poll() is not None or time.monotonic() > deadline:
            stop_process(server.process, 30)
            raise RuntimeError(f"{server.url} did not start: {server.log_tail()}")
        time.sleep(0.2)


def virtuoso_ini(http_port: int, sql_port: int, *, dirs: tuple[Path | str, ...] = (".",),
                 buffers: int = 20000, max_rows: int = 1_000_000, max_seconds: int = 120) -> str:
    """A virtuoso.ini for one server in its own folder (``dirs``: folders its bulk loader may read)."""
    return _VIRTUOSO_INI.format(http_port=http_port, sql_port=sql_port, buffers=buffers,
                                dirs=", ".join(map(str, dirs)), dirty=buffers * 3 // 4,
                                max_rows=max_rows, max_seconds=max_seconds)


def start_virtuoso(folder: Path, *, limit: float = 90, **ini: object) -> Server:
    """``virtuoso-t -f`` (foreground) with its own ini and database in ``folder``; waits for its HTTP."""
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(virtuoso_ini(http_port, sql_port, **ini), encoding="utf-8")  # type: ignore[arg-type]
    process = subprocess.Popen([shutil.which("virtuoso-t") or "virtuoso-t", "-f", "-c", "virtuoso.ini"],
                               cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return _wait_http(Server(f"http://127.0.0.1:{http_port}", sql_port, process, folder, "/sparql"), limit)


def start_oxigraph(folder: Path, *, union: bool = True, limit: float = 60) -> Server:
    """``oxigraph serve`` on ``folder`` (``union``: with ``--union-default-graph``); waits for its HTTP."""
    port = free_port()
    process = subprocess.Popen([shutil.which("oxigraph") or "oxigraph", "serve", "--location", str(folder),
                                "--bind", f"127.0.0.1:{port}", *(["--union-default-graph"] if union else [])],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return _wait_http(Server(f"http://127.0.0.1:{port}", 0, process, folder, "/query"), limit)
