"""Crash-safe file writing: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import filecmp
import io
import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to a temporary file in the same folder, fsync it, rename it over ``path``.

    The rename is atomic on POSIX file systems, so a build killed at any moment leaves
    either the previous complete file or the new complete file. ``mkstemp`` creates the file
    private (0600); it gets the permissions the user's umask gives new files before it is
    renamed, since graph/, pictures and pages are meant to be read by others (serve, git, a browser).

    ``durable=False`` skips the two fsyncs, for files a reader checks and can make again (cache
    entries): a killed process still leaves the old file or the new one, and only a crash of the
    whole machine can leave a torn file, which such a reader rejects.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), 0o666 & ~_umask())
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(target.parent)


def _umask() -> int:
    """The process umask (reading it means setting it: restore at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: str | os.PathLike[str], text: str, *, durable: bool = True) -> None:
    """UTF-8 text version of :func:`atomic_write_bytes` (``\\n`` line endings kept as is)."""
    atomic_write_bytes(path, text.encode("utf-8"), durable=durable)


class AtomicFile:
    """A file written as a stream under a temporary name, renamed over ``path`` on success.

    Why a stream: ``graph/diplograph.trig`` of a large corpus is hundreds of megabytes, and
    building it as one string cost several times its size in memory. ``only_if_changed``:
    when the new bytes equal the file already there (compared block by block, not in
    memory), the temporary file is dropped and the old one keeps its mtime; ``changed``
    then says whether the file was replaced. An exception inside the ``with`` leaves the old
    file as it was.
    """

    def __init__(self, path: str | os.PathLike[str], *, only_if_changed: bool = False) -> None:
        self.path = Path(path)
        self.only_if_changed = only_if_changed
        self.changed = False

    def __enter__(self) -> io.TextIOWrapper:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self.handle = open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed in __exit__
        return self.handle

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        tmp = Path(self.tmp)
        try:
            if kind is not None:
                self.handle.close()
                return
            self.handle.flush()
            if self.only_if_changed and self.path.is_file() and filecmp.cmp(tmp, self.path, shallow=False):
                self.handle.close()
                return
            os.fchmod(self.handle.fileno(), 0o666 & ~_umask())
            os.fsync(self.handle.fileno())
            self.handle.close()
            os.replace(tmp, self.path)
            self.changed = True
        finally:
            if not self.changed:
                tmp.unlink(missing_ok=True)
        _fsync_dir(self.path.parent)


def _fsync_dir(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def user_cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/diplograph`` (an absolute path only, as the XDG spec says), else
    ``~/.cache/diplograph``; None without a home folder. Never the current folder."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "diplograph"
    try:
        return Path.home() / ".cache" / "diplograph"
    except RuntimeError:
        return None
