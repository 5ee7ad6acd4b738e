"""docs/tutorial.md stays true: every ``$`` line of its ```console blocks is run, in order.

The commands run with a shell in a scratch folder holding a copy of corpus/ (what a user
starting from the repository has), so `build` writes its own graph/ there and nothing in the
working tree changes. A command must exit 0 unless the tutorial says ``# exits with N``; the
output lines the tutorial shows must appear in the real output, word for word, except for the
parts it abridges with ``...``. The `oxigraph serve` line is started by a fixture instead, on a
free port that replaces the tutorial's 7878 in the commands after it.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TUTORIAL = REPO / "docs" / "tutorial.md"
DOC_PORT = "7878"
_BLOCK = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
_EXIT = re.compile(r"\s+#\s*exits with (\d+)\b.*$")


@dataclass
class Step:
    """One ``$`` line of the tutorial and the output lines shown under it."""

    command: str
    exit_code: int = 0
    shown: list[str] = field(default_factory=list)


def tutorial_steps(text: str) -> list[Step]:
    """The commands of the ```console blocks, in reading order."""
    steps: list[Step] = []
    for block in _BLOCK.findall(text):
        for line in block.splitlines():
            if line.startswith("$ "):
                command = line[2:]
                found = _EXIT.search(command)
                code = int(found.group(1)) if found else 0
                steps.append(Step(_EXIT.sub("", command).strip(), code))
            elif steps and line.strip():
                steps[-1].shown.append(line)
    return steps


STEPS = tutorial_steps(TUTORIAL.read_text(encoding="utf-8"))


def test_tutorial_parsing_finds_the_documented_commands() -> None:
    commands = [s.command for s in STEPS]
    assert any(c.startswith("diplograph query participants") for c in commands)
    assert any(s.command.startswith("diplograph validate") and s.exit_code == 1 for s in STEPS)
    assert any(c.startswith("diplograph draw") for c in commands)
    assert any(c.startswith("diplograph export -f ttl") for c in commands)
    assert any(c.startswith("diplograph push") for c in commands)
    assert sum(c.startswith("oxigraph serve") for c in commands) == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Session:
    """The scratch folder and the server the tutorial's commands share."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = str(_free_port())
        self.server: subprocess.Popen[bytes] | None = None
        self.failed: str | None = None  # first command that failed: later ones depend on it
        self.env = dict(os.environ)
        # the console script installed next to this interpreter comes first on PATH
        self.env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), self.env.get("PATH", "")])

    def start_server(self, command: str) -> None:
        if shutil.which("oxigraph", path=self.env["PATH"]) is None:
            self.failed = command  # the commands that talk to the server cannot run either
            pytest.skip("the `oxigraph` server binary is not installed (pip install oxigraph)")
        args = shlex.split(command.replace(f":{DOC_PORT}", f":{self.port}"))
        self.server = subprocess.Popen(args, cwd=self.root, env=self.env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", int(self.port))) == 0:
                    return
            if self.server.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {self.server.returncode}")
            time.sleep(0.2)
        pytest.fail("oxigraph serve did not open its port within 30 s")

    def stop(self) -> None:
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("tutorial")
    shutil.copytree(REPO / "corpus", root / "corpus")
    shutil.copy(REPO / "diplograph.toml", root / "diplograph.toml")  # the repository is a project
    state = Session(root)
    yield state
    state.stop()


def _words(line: str) -> list[str]:
    return [w for w in line.split() if "..." not in w]


@pytest.mark.parametrize("step", STEPS, ids=[f"{i:02d}-{s.command[:40]}" for i, s in enumerate(STEPS)])
def test_tutorial_command(session: Session, step: Step) -> None:
    if session.failed is not None:
        pytest.skip(f"needs the output of an earlier command that failed: $ {session.failed}")
    if step.command.startswith("diplograph draw") and shutil.which("dot") is None:
        pytest.skip("Graphviz `dot` binary not installed (Debian: apt-get install graphviz)")
    if step.command.startswith("oxigraph serve"):
        session.failed = step.command  # until the server answers
        session.start_server(step.command)
        session.failed = None
        return
    command = step.command.replace(f"127.0.0.1:{DOC_PORT}", f"127.0.0.1:{session.port}")
    done = subprocess.run(command, shell=True, cwd=session.root, env=session.env, capture_output=True,
                          text=True, timeout=600)
    output = done.stdout + done.stderr
    missing = [w for line in step.shown for w in _words(line) if w not in output]
    if done.returncode != step.exit_code or missing:
        session.failed = command
    assert done.returncode == step.exit_code, f"$ {command}\n{output[-3000:]}"
    assert not missing, f"$ {command}: shown words {missing} not in the output:\n{output[-3000:]}"


# ------------------------------------------------------------------ prose claims that can be checked

def _blocks_with_prose(text: str) -> list[tuple[str, str]]:
    """(prose before a ```console block, the block) in reading order; prose starts after the previous block."""
    pairs = []
    start = 0
    for found in _BLOCK.finditer(text):
        pairs.append((text[start:found.start()], found.group(1)))
        start = found.end()
    return pairs


_SED = re.compile(r"sed '?s/((?:[^/\\]|\\.)*)/((?:[^/\\]|\\.)*)/")


def test_the_prose_names_the_edit_its_commands_make() -> None:
    """A `sed` edit in the tutorial is described by the prose before it: its old and new quoted
    texts are named there, and every `dg:` term that prose names is one the commands touch."""
    text = TUTORIAL.read_text(encoding="utf-8")
    edits = 0
    for prose, block in _blocks_with_prose(text):
        for old, new in _SED.findall(block):
            edits += 1
            for side in (old, new):
                quoted = re.findall(r'"([^"]+)"', side) or [side]
                for words in quoted:
                    assert words in prose, f"the prose before `sed s/{old}/{new}/` does not name {words!r}"
            for term in re.findall(r"`(dg:\w+)`", prose):
                assert term in block, f"the prose names {term} but the commands do not touch it"
    assert edits, "the tutorial's validation section edits the graph with sed"


def test_what_the_prose_says_is_installed_is_a_dependency() -> None:
    """'`X` ... is installed with diplograph' and '`X` comes with the test extras' match pyproject.toml."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(requirements: list[str]) -> set[str]:
        return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower() for r in requirements}

    base, test = names(project["dependencies"]), names(project["optional-dependencies"]["test"])
    text = " ".join(TUTORIAL.read_text(encoding="utf-8").split())
    claims = 0
    for sentence in re.split(r"(?<=[.;:(])\s", text):
        packages = re.findall(r"`([\w.-]+)`(?: package)?", sentence)
        if not packages:
            continue
        if "installed with diplograph" in sentence:
            claims += 1
            assert packages[0].lower() in base, f"{packages[0]} is said to be installed with diplograph"
        if "test extras" in sentence:
            claims += 1
            assert packages[0].lower() in test and packages[0].lower() not in base, sentence
    assert claims, "the tutorial says where the oxigraph server comes from"
