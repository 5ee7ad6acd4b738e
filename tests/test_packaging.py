"""The wheel ships the ontology, shapes, vocabularies and stored queries; the Python API works.

An installed ``diplograph`` must work outside the repository, which only holds if the data
folders are package data. The wheel is built for real (no mock of the build backend).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


def _build_wheel(repo: Path, out: Path) -> Path:
    """Build the wheel: `python -m build --no-isolation` if possible, else `pip wheel --no-deps`."""
    attempts = [
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(repo)],
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(repo)],
    ]
    errors = []
    for command in attempts:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
        wheels = sorted(out.glob("diplograph-*.whl"))
        if done.returncode == 0 and wheels:
            return wheels[0]
        errors.append(done.stderr[-500:])
    pytest.fail("could not build a wheel:\n" + "\n".join(errors))


@pytest.fixture(scope="module")
def wheel(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_wheel(repo_root, tmp_path_factory.mktemp("wheel"))


def test_wheel_ships_ontology_shapes_vocab_and_queries(wheel: Path, repo_root: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "diplograph/ontology/diplograph.ttl" in names
    assert "diplograph/ontology/shapes.ttl" in names
    expected = [p for p in (repo_root / "ontology" / "vocab").glob("*.ttl")]
    expected += list((repo_root / "queries").rglob("*.rq"))
    assert expected, "the repository has no vocabulary or query files"
    for path in expected:
        assert f"diplograph/{path.relative_to(repo_root).as_posix()}" in names, path
    assert any(n.startswith("diplograph/queries/") and n.endswith(".rq") for n in names)
    assert "diplograph/cli.py" in names


def test_installed_package_finds_its_data_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import diplograph.resources as r;"
        "print(r.ontology_dir()); print(r.shapes_file().is_file()); print(len(r.vocab_files()))"
    )
    code = f"import sys; sys.path.insert(0, {str(site)!r}); {probe}"
    done = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          check=True)
    folder, shapes, vocab = done.stdout.split()
    assert Path(folder) == site / "diplograph" / "ontology"
    assert shapes == "True" and int(vocab) >= 1


# -- the Python API ------------------------------------------------------------------------------
TTL = """\
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/diplograph/id/event/x/10> a dg:Meeting ; rdfs:label "Rencontre"@fr .
"""


def test_api_load_gives_a_union_dataset(tmp_path: Path) -> None:
    from rdflib import URIRef

    import diplograph

    path = tmp_path / "one.ttl"
    path.write_text(TTL, encoding="utf-8")
    dataset = diplograph.load(path)
    rows = list(dataset.query("SELECT ?e WHERE { ?e a <https://w3id.org/diplograph/ontology#Meeting> }"))
    assert [row[0] for row in rows] == [URIRef("https://w3id.org/diplograph/id/event/x/10")]
    names = [str(g.identifier) for g in dataset.graphs() if len(g)]
    assert names == ["https://w3id.org/diplograph/graph/one"]


def test_api_validate_reports_a_bare_event(tmp_path: Path) -> None:
    import diplograph

    path = tmp_path / "one.ttl"
    path.write_text(TTL, encoding="utf-8")
    report = diplograph.validate(path)
    assert report.conforms is False
    assert any(r.focus.endswith("/id/event/x/10>") and r.severity == "Violation" for r in report.results)


def test_api_reason_infers_superclasses(tmp_path: Path) -> None:
    from rdflib import URIRef
    from rdflib.namespace import RDF

    import diplograph
    from diplograph.namespaces import DG, SEM

    path = tmp_path / "one.ttl"
    path.write_text(TTL, encoding="utf-8")
    inferred = diplograph.reason(path)
    event = URIRef("https://w3id.org/diplograph/id/event/x/10")
    assert (event, RDF.type, SEM.Event) in inferred
    assert (event, RDF.type, DG.Meeting) not in inferred  # asserted, so not "inferred"


def test_importing_diplograph_loads_nothing_heavy() -> None:
    heavy = "('rdflib', 'spacy', 'pyshacl', 'owlrl')"
    code = f"import sys, diplograph; print(sorted(m for m in {heavy} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
