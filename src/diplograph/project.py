"""Project folders: where a command finds its corpus, its graph and the user's own queries and vocabularies.

A project is a folder holding ``diplograph.toml`` (made by ``diplograph init``). Commands look
for it the way git looks for ``.git``: from the current folder upwards to the first folder
that has one. ``diplograph --project DIR`` (or the ``DIPLOGRAPH_PROJECT`` environment
variable, which ``--project`` sets so that worker processes see the same project) overrides
the search. Commands given explicit files never ask for a project, so they work anywhere.

The file (paths relative to its folder; every key optional)::

    corpus  = "corpus"       # documents that `build` reads
    graph   = "graph"        # where `build` writes and what the other commands read
    queries = "queries"      # own stored queries (.rq), added to the shipped ones
    vocab   = "vocab"        # own gazetteer/vocabulary files (.ttl), added to the shipped ones
    shapes  = "shapes.ttl"   # SHACL shapes instead of the shipped ones
    gold    = "gold"         # gold facts for `evaluate`

Only the standard library is imported: every command may ask for its project.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from diplograph.errors import InputError, UsageError

PROJECT_FILE = "diplograph.toml"
ENVIRONMENT = "DIPLOGRAPH_PROJECT"
_KEYS = ("corpus", "graph", "queries", "vocab", "shapes", "gold")
_DEFAULTS = {"corpus": "corpus", "graph": "graph", "queries": "queries", "vocab": "vocab", "gold": "gold"}

TOML_TEMPLATE = """\
# A diplograph project (made by `diplograph init`). Commands run anywhere inside this
# folder find it, as git finds its repository. Paths are relative to this file.

corpus = "corpus"     # the documents (.txt, .md) that `diplograph build` reads
graph = "graph"       # where `build` writes; what query, validate, serve, export... read
queries = "queries"   # your own stored queries (.rq), added to the shipped ones (yours win)
vocab = "vocab"       # your own gazetteer entries (SKOS/Turtle), added to the shipped ones
# shapes = "shapes.ttl"   # SHACL shapes to use instead of the shipped ones
"""

README_TEMPLATE = """\
# A diplograph project

- `corpus/`: put French news articles here (`.txt` or `.md`, optional YAML front matter
  with `title`, `published`, `language`, `source`).
- `graph/`: `diplograph build` writes the knowledge graph here (one Turtle file per
  document and `diplograph.trig`); do not edit it by hand.
- `queries/` (optional): your own SPARQL queries (`.rq`); `diplograph queries` lists them
  with the shipped ones, and one of yours with a shipped query's name replaces it.
- `vocab/` (optional): your own people and organisations as SKOS/Turtle files, in the
  form of the shipped gazetteer (`ontology/vocab/` in the diplograph sources); the next
  build recognises them.
- `diplograph.toml`: names these folders.

Then, from anywhere in this folder:

    diplograph build                # corpus/ -> graph/
    diplograph query meetings       # a stored query on graph/
    diplograph queries              # the other stored queries
"""


class NoProjectError(UsageError):
    """A command needs a project and none was found: exit 2, one line naming ``init``."""


@dataclass(frozen=True)
class Project:
    """The folders of one project, as absolute paths (``queries``/``vocab`` may not exist)."""

    root: Path
    corpus: Path
    graph: Path
    queries: Path
    vocab: Path
    gold: Path
    shapes: Path | None = None  # None: the shipped shapes

    def query_dirs(self) -> list[Path]:
        """The project's own queries folder when it exists."""
        return [self.queries] if self.queries.is_dir() else []

    def vocab_files(self) -> list[Path]:
        """The project's own vocabulary files, sorted for deterministic loading."""
        return sorted(self.vocab.glob("*.ttl")) if self.vocab.is_dir() else []


def load_project(root: Path) -> Project:
    """Read ``root/diplograph.toml``; a malformed file or an unknown key is one line (exit 3)."""
    file = root / PROJECT_FILE
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{file}: malformed TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{file}: cannot read ({exc})") from None
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise InputError(f"{file}: unknown key {unknown[0]!r} (known: {', '.join(_KEYS)})")
    paths: dict[str, Path] = {}
    for key in _KEYS:
        value = data.get(key, _DEFAULTS.get(key))
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{file}: {key} must be a folder path as a string, not {value!r}")
        paths[key] = (root / value).resolve()
    return Project(root=root, corpus=paths["corpus"], graph=paths["graph"], queries=paths["queries"],
                   vocab=paths["vocab"], gold=paths["gold"], shapes=paths.get("shapes"))


def find_root(start: Path) -> Path | None:
    """The first folder from ``start`` upwards that holds ``diplograph.toml``."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / PROJECT_FILE).is_file():
            return folder
    return None


def use_project(folder: str | Path) -> None:
    """``--project DIR``: this folder's project for this process and the processes it starts."""
    root = Path(folder).resolve()
    if not (root / PROJECT_FILE).is_file():
        raise UsageError(f"--project {folder}: no {PROJECT_FILE} there (make one with `diplograph init {folder}`)")
    os.environ[ENVIRONMENT] = str(root)


def current_project() -> Project | None:
    """The project of this process (``--project``/``DIPLOGRAPH_PROJECT``, else found upwards), or None.

    Not cached: a test (or a long-lived caller) may change folder between calls, and the search
    is a few ``stat`` calls.
    """
    chosen = os.environ.get(ENVIRONMENT)
    if chosen:
        root = Path(chosen)
        if not (root / PROJECT_FILE).is_file():
            raise UsageError(f"{ENVIRONMENT}={chosen}: no {PROJECT_FILE} there")
        return load_project(root.resolve())
    root = find_root(Path.cwd())
    return load_project(root) if root is not None else None


def require_project(what: str = "this command") -> Project:
    """The current project, or the one-line error that says how to make one."""
    project = current_project()
    if project is None:
        raise NoProjectError(f"not in a diplograph project (no {PROJECT_FILE} here or above): "
                             f"run `diplograph init` to make one, or give {what} explicitly")
    return project


def default_graph_dir() -> Path:
    """The graph folder commands read when given no files: the current project's."""
    return require_project("the files to read").graph


def init_project(folder: str | Path) -> list[Path]:
    """Make a project folder (``corpus/``, empty ``graph/``, ``diplograph.toml``, ``README.md``).

    Refuses a folder that already holds a ``diplograph.toml`` (exit 3); an existing folder
    with other files is fine (like ``git init``). Returns what it made, for the message.
    """
    root = Path(folder)
    toml = root / PROJECT_FILE
    if toml.exists():
        raise InputError(f"{toml}: already a diplograph project")
    if root.exists() and not root.is_dir():
        raise InputError(f"{root}: exists and is not a folder")
    made: list[Path] = []
    for sub in ("corpus", "graph"):
        path = root / sub
        if not path.is_dir():
            path.mkdir(parents=True, exist_ok=True)
            made.append(path)
    readme = root / "README.md"
    if not readme.exists():
        readme.write_text(README_TEMPLATE, encoding="utf-8")
        made.append(readme)
    toml.write_text(TOML_TEMPLATE, encoding="utf-8")  # last: a half-made folder is not a project
    made.append(toml)
    return made


# ----------------------------------------------------------------- graphs of documents outside the corpus

OUTSIDE_FILE = ".outside"  # in the graph folder: slugs of graphs built from files outside the corpus


def outside_slugs(graph_dir: Path) -> set[str]:
    """Slugs of the document graphs that a build made from files outside the corpus.

    Why a record: a whole-corpus build removes the graphs of documents that left the corpus,
    and must tell those apart from graphs a user built from other files (``build other/*.txt``),
    which it never made from the corpus and so never deletes.
    """
    try:
        text = (graph_dir / OUTSIDE_FILE).read_text(encoding="utf-8")
    except OSError:
        return set()
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}


def remember_outside(graph_dir: Path, slugs: set[str]) -> None:
    """Write the record (sorted, one slug a line); no file when there is none to remember."""
    from diplograph.fsio import atomic_write_text

    record = graph_dir / OUTSIDE_FILE
    if not slugs:
        record.unlink(missing_ok=True)
        return
    header = "# graphs built from documents outside the corpus: `diplograph build` keeps them\n"
    atomic_write_text(record, header + "".join(f"{slug}\n" for slug in sorted(slugs)))


def is_inside(path: Path, folder: Path | None) -> bool:
    """Whether a document file lies in the corpus folder (or below it)."""
    return folder is not None and path.resolve().is_relative_to(folder.resolve())
