"""pySHACL and Apache Jena's SHACL engine give the same conformance verdict on our shapes.

The shapes must mean the same thing to any SHACL processor, not just to pySHACL (users
validate in TopBraid, Jena, GraphDB...). Jena's engine is the second opinion: for the seed
graph, the other hand-made document graph, the conforming shapes test graph and every
violating shapes test graph (``tests/shapes/<Shape>.ttl`` added to ``conforming.ttl``), both
engines must agree on conforms / does not conform, and every focus node Jena reports as a
violation must be one pySHACL reports too.

Runs where Java and Debian's ``libapache-jena-java`` are installed
(``apt-get install -y libapache-jena-java``); skipped with the reason otherwise. Two things
Debian's Jena 4.5 needs, done here in a temporary folder:

* its Xerces message bundles on the classpath under the package name the classes look for
  (``xerces/impl/msg``, ``xerces/impl/xpath/regex``: the jar ships them under
  ``org/apache/jena/ext/xerces``, and XSD datatypes fail to initialise without them);
* one ``sh:message`` per shape: Jena 4.5's shapes parser refuses a second one ("More than one
  match"), although SHACL allows one per language. Messages do not change a verdict, so the
  English ones are kept.

Like pySHACL given ``ont_graph``, Jena gets the data graph plus the OWL ontology (so that
``sh:class`` sees subclasses). With a JDK, a ten-line Java program validates every graph in
one JVM; with only a JRE, Jena's ``shacl validate`` command runs once per graph.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import SH

from diplograph.check import validate_graph
from diplograph.resources import ontology_file, shapes_file

REPO = Path(__file__).resolve().parents[1]
JAVA_DIR = Path("/usr/share/java")
JARS = [
    "jena-arq", "jena-base", "jena-core", "jena-iri", "jena-shacl", "jena-cmds", "jena-shex",
    "jena-tdb", "jena-tdb2", "jena-dboe-base", "jena-dboe-index", "jena-dboe-storage",
    "jena-dboe-trans-data", "jena-dboe-transaction", "jena-rdfconnection", "commons-cli", "commons-codec",
    "commons-compress", "commons-csv", "commons-io", "commons-lang3", "dexx.collection", "gson", "guava",
    "httpclient", "httpcore", "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java",
    "protobuf", "thrift", "titanium-json-ld", "slf4j-api", "slf4j-nop",
]
BUNDLES = {  # where jena-core.jar keeps them -> where the classes look for them
    "org/apache/jena/ext/xerces/impl/msg/": "xerces/impl/msg/",
    "org/apache/jena/ext/xerces/impl/xpath/regex/": "xerces/impl/xpath/regex/",
}
VALIDATOR = """\
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;

public class JenaShacl {
    public static void main(String[] args) {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(args[0]));
        for (int i = 1; i < args.length; i++) {
            Graph data = RDFDataMgr.loadGraph(args[i]);
            ValidationReport report = ShaclValidator.get().validate(shapes, data);
            System.out.println("FILE\\t" + args[i] + "\\t" + report.conforms());
            report.getEntries().forEach(e -> System.out.println(
                "RESULT\\t" + e.focusNode() + "\\t" + e.severity().level().getURI()));
        }
    }
}
"""
VIOLATION = str(SH.Violation)


@dataclass
class Verdict:
    """What one engine said about one data graph.

    ``conforms`` is the SHACL spec's verdict (no result at all, whatever its severity);
    ``violations`` the focus nodes of results of severity sh:Violation, which is what gates a
    build (pySHACL's ``allow_warnings`` and diplograph's own verdict).
    """

    conforms: bool
    violations: set[str]  # focus nodes (IRI text; blank nodes as "_:")


@dataclass
class Jena:
    """A usable Jena: java, the classpath, and the compiled validator if a JDK is there."""

    java: str
    classpath: str
    compiled: Path | None


def _skip_reason() -> str | None:
    if shutil.which("java") is None:
        return "no Java runtime (apt-get install -y libapache-jena-java brings one)"
    missing = [j for j in JARS if not (JAVA_DIR / f"{j}.jar").is_file()]
    if "jena-shacl" in missing or "jena-core" in missing:
        return "Apache Jena is not installed (apt-get install -y libapache-jena-java)"
    return None


@pytest.fixture(scope="module")
def jena(tmp_path_factory: pytest.TempPathFactory) -> Jena:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("jena")
    bundles = work / "bundles"
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            for source, target in BUNDLES.items():
                if name.startswith(source) and name.endswith(".properties"):
                    out = bundles / target / name[len(source):]
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(jar.read(name))
    jars = [str(JAVA_DIR / f"{j}.jar") for j in JARS if (JAVA_DIR / f"{j}.jar").is_file()]
    classpath = ":".join([str(bundles), *jars])
    compiled: Path | None = None
    if shutil.which("javac"):
        (work / "JenaShacl.java").write_text(VALIDATOR, encoding="utf-8")
        done = subprocess.run(["javac", "-cp", classpath, "-d", str(work), str(work / "JenaShacl.java")],
                              capture_output=True, text=True, timeout=120, check=False)
        if done.returncode == 0:
            compiled = work
    return Jena(shutil.which("java") or "java", classpath, compiled)


def _shapes_for_jena(folder: Path) -> Path:
    """The shapes with one (English) sh:message per shape: Jena 4.5 refuses two."""
    shapes = Graph().parse(shapes_file(), format="turtle")
    for subject, message in list(shapes.subject_objects(SH.message)):
        if isinstance(message, Literal) and message.language not in (None, "en"):
            shapes.remove((subject, SH.message, message))
    path = folder / "shapes-jena.ttl"
    shapes.serialize(path, format="turtle", encoding="utf-8")
    return path


def _focus(term: object) -> str:
    text = str(term)
    return "_:" if text.startswith("_:") or not text.startswith("http") else text


def _run_jena(jena: Jena, shapes: Path, files: list[Path]) -> dict[str, Verdict]:
    verdicts: dict[str, Verdict] = {}
    if jena.compiled is not None:
        done = subprocess.run([jena.java, "-cp", f"{jena.compiled}:{jena.classpath}", "JenaShacl", str(shapes),
                               *map(str, files)], capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        current = ""
        for line in done.stdout.splitlines():
            fields = line.split("\t")
            if fields[0] == "FILE":
                current = fields[1]
                verdicts[current] = Verdict(fields[2] == "true", set())
            elif fields[0] == "RESULT":
                verdicts[current].conforms = False
                if fields[2] == VIOLATION:
                    verdicts[current].violations.add(_focus(fields[1]))
        return verdicts
    for path in files:  # JRE only: Jena's own command, one JVM per graph
        done = subprocess.run([jena.java, "-cp", jena.classpath, "shacl.shacl", "validate", "--shapes", str(shapes),
                               "--data", str(path)], capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        report = Graph().parse(data=done.stdout, format="turtle")
        conforms = not any(report.subjects(SH.focusNode, None))
        violations = {_focus(report.value(r, SH.focusNode)) for r in report.subjects(SH.resultSeverity, SH.Violation)}
        verdicts[str(path)] = Verdict(conforms, violations)
    return verdicts


def _cases() -> dict[str, list[Path]]:
    """Case name -> the files whose union is the data graph."""
    seed = sorted((REPO / "graph").glob("*kremlin-meeting*.ttl")) or [REPO / "tests" / "data" / "kremlin-meeting.ttl"]
    cases = {"seed": seed[:1], "second-meeting": [REPO / "tests" / "data" / "second-meeting.ttl"]}
    shapes_dir = REPO / "tests" / "shapes"
    conforming = shapes_dir / "conforming.ttl"
    if conforming.is_file():
        cases["shapes/conforming"] = [conforming]
        for path in sorted(shapes_dir.glob("*.ttl")):
            if path != conforming:
                cases[f"shapes/{path.stem}"] = [conforming, path]
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def verdicts(jena: Jena, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Verdict, Verdict]]:
    """case -> (pySHACL verdict, Jena verdict), every Jena run in one go."""
    folder = tmp_path_factory.mktemp("jena-data")
    ontology = Graph().parse(ontology_file(), format="turtle")
    ours: dict[str, Verdict] = {}
    files: dict[str, Path] = {}
    for name, paths in CASES.items():
        data = Graph()
        for path in paths:
            data.parse(path, format="turtle")
        report = validate_graph(data, with_checks=False)  # the shapes only: Jena does not run queries/checks
        assert report.graph is not None
        ours[name] = Verdict(not report.results, {_focus(report.graph.value(r, SH.focusNode))
                                                  for r in report.graph.subjects(SH.resultSeverity, SH.Violation)})
        merged = data + ontology
        files[name] = folder / (name.replace("/", "__") + ".nt")
        merged.serialize(files[name], format="nt", encoding="utf-8")
    theirs = _run_jena(jena, _shapes_for_jena(folder), list(files.values()))
    return {name: (ours[name], theirs[str(files[name])]) for name in CASES}


def test_the_seed_graph_is_among_the_cases() -> None:
    assert CASES["seed"][0].is_file()
    assert len(CASES) >= 3


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(CASES))
def test_same_verdict_on_pyshacl_and_jena(verdicts: dict[str, tuple[Verdict, Verdict]], case: str) -> None:
    ours, theirs = verdicts[case]
    assert ours.conforms == theirs.conforms, (
        f"{case}: pySHACL conforms={ours.conforms} ({sorted(ours.violations)[:5]}), "
        f"Jena conforms={theirs.conforms} ({sorted(theirs.violations)[:5]})")
    assert bool(ours.violations) == bool(theirs.violations), (
        f"{case}: violations on pySHACL {sorted(ours.violations)[:5]}, on Jena {sorted(theirs.violations)[:5]}")
    named = {f for f in theirs.violations if f != "_:"}
    assert named <= ours.violations, f"{case}: only Jena reports {sorted(named - ours.violations)[:5]}"
