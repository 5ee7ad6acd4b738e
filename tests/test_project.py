"""Project folders (`diplograph init`), discovery like git, language refusal and quiet pipes.

Every test runs the real command (``python -m diplograph`` of this environment) as a user
would, in temporary folders outside the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.project import init_project
from diplograph.reader import DETECT_CHARS, NotFrenchError, check_french, detect_language, plainly_french, read_document

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "2025-12-02-kremlin-meeting.fr.txt"

# Texts written for these tests (about the same made-up meeting, in four languages).
FRENCH = (
    "La ministre des Affaires étrangères a reçu mardi son homologue à Paris pour une longue réunion "
    "consacrée au cessez-le-feu. Les deux responsables ont évoqué les garanties de sécurité, le sort "
    "des prisonniers et la reconstruction des villes détruites. « Nous avons avancé, mais rien n'est "
    "encore signé », a déclaré la ministre à l'issue des entretiens, qui ont duré près de quatre heures."
)
ENGLISH = (
    "The foreign minister received her counterpart in Paris on Tuesday for a long meeting about the "
    "ceasefire. The two officials discussed security guarantees, the fate of the prisoners and the "
    "rebuilding of the destroyed cities. \"We have made progress, but nothing has been signed yet,\" the "
    "minister said after the talks, which lasted nearly four hours."
)
GERMAN = (
    "Die Außenministerin hat am Dienstag ihren Amtskollegen in Paris zu einem langen Treffen über die "
    "Waffenruhe empfangen. Die beiden Politiker sprachen über Sicherheitsgarantien, das Schicksal der "
    "Gefangenen und den Wiederaufbau der zerstörten Städte. „Wir sind vorangekommen, aber noch ist nichts "
    "unterschrieben“, sagte die Ministerin nach den Gesprächen, die fast vier Stunden dauerten."
)
SPANISH = (
    "La ministra de Asuntos Exteriores recibió el martes a su homólogo en París para una larga reunión "
    "sobre el alto el fuego. Los dos responsables hablaron de las garantías de seguridad, de la suerte de "
    "los prisioneros y de la reconstrucción de las ciudades destruidas. «Hemos avanzado, pero todavía no "
    "se ha firmado nada», declaró la ministra al término de las conversaciones, que duraron casi cuatro horas."
)


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``diplograph ARGS`` in ``cwd``, as a separate process of this environment."""
    env = {k: v for k, v in os.environ.items() if k != "DIPLOGRAPH_PROJECT"}
    return subprocess.run([sys.executable, "-m", "diplograph", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`diplograph init proj` in an empty folder, the seed article copied in, built inside proj/."""
    home = tmp_path_factory.mktemp("home")
    made = run("init", "proj", cwd=home)
    assert made.returncode == 0, made.stderr
    proj = home / "proj"
    shutil.copy(SEED, proj / "corpus" / SEED.name)
    built = run("build", "-j", "1", cwd=proj)
    assert built.returncode == 0, built.stderr
    return proj


def test_init_makes_the_folders_the_toml_names(project: Path) -> None:
    toml = (project / "diplograph.toml").read_text(encoding="utf-8")
    for key in ("corpus", "graph", "queries", "vocab"):
        assert f'{key} = "{key}"' in toml
    assert (project / "corpus").is_dir() and (project / "README.md").is_file()
    again = run("init", ".", cwd=project)
    assert again.returncode == 3 and "already a diplograph project" in again.stderr


def test_query_from_a_subfolder_answers_from_the_projects_graph(project: Path) -> None:
    sub = project / "notes" / "deeper"
    sub.mkdir(parents=True, exist_ok=True)
    found = run("query", "meetings", "-f", "csv", cwd=sub)
    assert found.returncode == 0, found.stderr
    rows = found.stdout.strip().splitlines()[1:]
    assert rows and all("2025-12-02-kremlin-meeting" in row for row in rows)
    # the same rows as the project's graph named explicitly, from anywhere
    explicit = run("query", "meetings", "-f", "csv", str(project / "graph"), cwd=project.parent)
    assert explicit.stdout == found.stdout
    # --project DIR from outside gives the same answer
    chosen = run("--project", str(project), "query", "meetings", "-f", "csv", cwd=project.parent)
    assert chosen.stdout == found.stdout


@pytest.mark.parametrize("command", [["build"], ["query", "meetings"], ["verify"], ["stats"], ["validate"],
                                     ["export"], ["evaluate"], ["serve"], ["timeline", "-o", "t.svg"]])
def test_outside_a_project_commands_that_need_one_say_so_in_one_line(tmp_path: Path, command: list[str]) -> None:
    result = run(*command, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "diplograph init" in lines[0] and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_commands_given_files_work_anywhere_and_write_nothing_there(project: Path, tmp_path: Path) -> None:
    trig = str(project / "graph" / "diplograph.trig")
    assert run("export", "-f", "nt", trig, cwd=tmp_path).returncode == 0
    assert run("validate", trig, cwd=tmp_path).returncode == 0
    query = run("query", "meetings", trig, cwd=tmp_path)
    assert query.returncode == 0 and "kremlin" in query.stdout
    assert list(tmp_path.iterdir()) == []


def test_project_queries_join_the_shipped_ones(project: Path) -> None:
    own = project / "queries"
    own.mkdir(exist_ok=True)
    (own / "people.rq").write_text("#+ summary: Every person of my project\n"
                                   "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
                                   "SELECT DISTINCT ?person WHERE { ?person a dg:Person } ORDER BY ?person\n",
                                   encoding="utf-8")
    (own / "meetings.rq").write_text("#+ summary: My own meetings\n"
                                     "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
                                     "SELECT ?meeting WHERE { ?meeting a dg:Meeting } ORDER BY ?meeting\n",
                                     encoding="utf-8")
    try:
        listed = run("queries", cwd=project).stdout.splitlines()
        names = [line.split()[0] for line in listed if line and not line.startswith(" ")]
        shipped = sorted(p.stem for p in (REPO / "queries").glob("*.rq"))
        assert sorted(names) == sorted(set(shipped) | {"people"})
        assert any(line.startswith("meetings") and "My own meetings" in line for line in listed)
        people = run("query", "people", "-f", "csv", cwd=project)
        assert people.returncode == 0 and "id/person/" in people.stdout
        mine = run("query", "meetings", "-f", "csv", cwd=project)
        assert mine.stdout.splitlines()[0].strip() == "meeting"  # the project's query, not the shipped one
    finally:
        shutil.rmtree(own)


def test_this_repository_lists_each_shipped_query_once() -> None:
    listed = run("queries", cwd=REPO / "docs").stdout.splitlines()
    names = [line.split()[0] for line in listed if line and not line.startswith(" ")]
    assert sorted(names) == sorted(p.stem for p in (REPO / "queries").glob("*.rq"))


def test_project_vocab_adds_people_without_editing_the_package(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("init", "proj", cwd=tmp_path).returncode == 0
    proj = tmp_path / "proj"
    (proj / "vocab").mkdir()
    (proj / "vocab" / "people.ttl").write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix dg: <https://w3id.org/diplograph/ontology#> .\n"
        "<https://w3id.org/diplograph/id/person/my-project-envoy-7>\n"
        "    a dg:Person ;\n"
        '    skos:prefLabel "Ottilie Brandvold"@fr ;\n'
        '    rdfs:label "Ottilie Brandvold"@fr ;\n'
        '    skos:altLabel "Brandvold"@fr ;\n'
        "    dg:affiliatedWith <https://w3id.org/diplograph/id/state/norway> .\n", encoding="utf-8")
    text = proj / "note.txt"
    text.write_text("Ottilie Brandvold a rencontré mardi le ministre ukrainien des Affaires étrangères à Kiev.\n",
                    encoding="utf-8")
    inside = run("extract", "note.txt", cwd=proj)
    assert inside.returncode == 0, inside.stderr
    assert "id/person/my-project-envoy-7" in inside.stdout
    # the package's own gazetteer does not know her (in-process: the shipped vocabulary only)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIPLOGRAPH_PROJECT", raising=False)
    from diplograph.build import extract_turtle

    assert "my-project-envoy-7" not in extract_turtle(text)


def test_a_project_vocab_repeating_a_shipped_file_changes_nothing(tmp_path: Path) -> None:
    """A project that copies a shipped vocabulary file (to edit it later) states the same triples
    twice; the graph is a set, so extraction is the same as without the copy: here the shipped
    home state still names who "le Président de la République" is on the publication day."""
    assert run("init", "proj", cwd=tmp_path).returncode == 0
    proj = tmp_path / "proj"
    (proj / "vocab").mkdir()
    (proj / "vocab" / "roles.ttl").write_bytes((REPO / "ontology" / "vocab" / "roles.ttl").read_bytes())
    text = proj / "note.txt"
    text.write_text("---\npublished: 2024-05-14\n---\nLe Président de la République s'est entretenu mardi "
                    "par téléphone avec le Premier ministre de l'Inde.\n", encoding="utf-8")
    inside = run("extract", "note.txt", cwd=proj)
    plain = run("extract", str(text), cwd=tmp_path)
    assert inside.returncode == 0 and plain.returncode == 0, inside.stderr + plain.stderr
    assert "id/person/emmanuel-macron" in plain.stdout
    assert inside.stdout == plain.stdout


# ------------------------------------------------------------------------------------ language


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (ENGLISH, "en"), (GERMAN, "de"), (SPANISH, "es")])
def test_the_detector_tells_the_four_languages_apart(text: str, code: str) -> None:
    assert detect_language(text) == code


# Written for these tests: the same kind of report in other languages, and two traps for a screen by
# French words (an English text quoting a French sentence, German "du", Spanish "le" and "del Sur").
NOT_FRENCH = [
    "Il ministro degli Esteri ha ricevuto martedì il suo omologo a Roma per un lungo incontro dedicato al cessate "
    "il fuoco. I due responsabili hanno discusso le garanzie di sicurezza, le sorti dei prigionieri e la "
    "ricostruzione delle città distrutte. «Abbiamo fatto progressi, ma non è ancora stato firmato nulla», ha "
    "dichiarato il ministro al termine dei colloqui, che sono durati quasi quattro ore.",
    "O ministro dos Negócios Estrangeiros recebeu na terça-feira o seu homólogo em Lisboa para uma longa reunião "
    "sobre o cessar-fogo. Os dois responsáveis discutiram as garantias de segurança, o destino dos prisioneiros e "
    "a reconstrução das cidades destruídas. «Avançámos, mas ainda não foi assinado nada», declarou o ministro no "
    "final das conversações, que duraram quase quatro horas.",
    "De minister van Buitenlandse Zaken heeft dinsdag zijn ambtgenoot in Den Haag ontvangen voor een lang overleg "
    "over het staakt-het-vuren. De twee bewindslieden spraken over veiligheidsgaranties, het lot van de gevangenen "
    "en de wederopbouw van de verwoeste steden. ‘We zijn vooruitgegaan, maar er is nog niets ondertekend’, zei de "
    "minister na afloop van de gesprekken, die bijna vier uur duurden.",
    "Minister spraw zagranicznych przyjął we wtorek w Warszawie swojego odpowiednika na długie spotkanie "
    "poświęcone zawieszeniu broni. Obaj politycy rozmawiali o gwarancjach bezpieczeństwa, losie jeńców i "
    "odbudowie zniszczonych miast. „Zrobiliśmy postęp, ale nic jeszcze nie zostało podpisane” – powiedział "
    "minister po rozmowach, które trwały prawie cztery godziny.",
    "El ministre d'Afers Exteriors va rebre dimarts el seu homòleg a Barcelona per a una llarga reunió dedicada a "
    "l'alto el foc. Els dos responsables van parlar de les garanties de seguretat, de la sort dels presoners i de "
    "la reconstrucció de les ciutats destruïdes. «Hem avançat, però encara no s'ha signat res», va declarar el "
    "ministre al final de les converses, que van durar gairebé quatre hores.",
    "The French foreign minister received her counterpart in Paris on Tuesday for talks about the ceasefire that "
    "lasted nearly four hours. Asked about the prisoners, she answered in French: « Nous avons avancé, mais rien "
    "n'est encore signé », before switching back to English to say that the two sides would meet again in Geneva "
    "next week, where the question of security guarantees will be on the table once more.",
    "Der Minister sagte am Dienstag in Berlin, die Gespräche über die Waffenruhe seien schwierig gewesen. „Du "
    "kannst nicht verhandeln, wenn du nicht zuhörst, und du musst wissen, was du willst“, rief er seinem "
    "Amtskollegen vor der Presse zu. Die beiden Delegationen wollen sich in der kommenden Woche in Genf erneut "
    "treffen, um über Sicherheitsgarantien und den Austausch der Gefangenen zu sprechen.",
    "El ministro recibió el martes a su homólogo en Madrid. Le dijo que las negociaciones sobre el alto el fuego "
    "seguirán en Ginebra la semana próxima, y le pidió garantías de seguridad para los prisioneros. Según fuentes "
    "del ministerio, el encuentro duró casi cuatro horas y terminó sin acuerdo, aunque ambas partes hablaron de "
    "avances en la reconstrucción de las ciudades del sur y de la situación en Corea del Sur.",
    ENGLISH, GERMAN, SPANISH,
]


@pytest.mark.parametrize("text", NOT_FRENCH)
def test_the_french_screen_leaves_every_other_language_to_the_detector(text: str) -> None:
    assert not plainly_french(text)
    assert detect_language(text) != "fr"  # (the detector refuses them: the screen must not accept them)


def test_the_french_screen_accepts_only_what_the_detector_calls_french() -> None:
    """The screen that spares a build the detector's models agrees with the detector wherever it answers."""
    documents = [*REPO.glob("corpus/*.txt"), *REPO.glob("tests/texts/*.txt"), *REPO.glob("tests/texts/*.md")]
    accepted = 0
    for path in documents:
        sample = read_document(path).text[:DETECT_CHARS]
        if plainly_french(sample) and sum(ch.isalpha() for ch in sample) >= 200:
            accepted += 1
            assert detect_language(sample) == "fr", path
    assert plainly_french(FRENCH) and accepted >= len(documents) // 2


def test_every_french_text_of_the_repository_passes_the_check() -> None:
    documents = [*REPO.glob("corpus/*.txt"), *REPO.glob("tests/texts/*.txt"), *REPO.glob("tests/texts/*.md")]
    assert documents
    for path in documents:
        check_french(path)


@pytest.mark.parametrize(("text", "name"), [(ENGLISH, "English"), (GERMAN, "German"), (SPANISH, "Spanish")])
def test_extract_refuses_a_text_that_is_not_french_in_one_line(tmp_path: Path, text: str, name: str) -> None:
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    result = run("extract", "article.txt", cwd=tmp_path)
    assert result.returncode == 3 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and "--language fr" in lines[0]


def test_front_matter_language_decides(tmp_path: Path) -> None:
    doc = tmp_path / "declared.txt"
    doc.write_text("---\nlanguage: en\n---\n" + FRENCH, encoding="utf-8")
    with pytest.raises(NotFrenchError, match="front matter"):
        check_french(doc)
    doc.write_text("---\nlanguage: fr\n---\n" + ENGLISH, encoding="utf-8")
    check_french(doc)  # declared French: taken as French


def test_build_refuses_a_foreign_document_and_writes_the_others(tmp_path: Path, cli_runner: CliRunner,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process (spaCy loaded once for the suite): a project, a French and an English document."""
    init_project(tmp_path / "proj")
    proj = tmp_path / "proj"
    (proj / "corpus" / "a-french.txt").write_text(FRENCH, encoding="utf-8")
    (proj / "corpus" / "b-english.txt").write_text(ENGLISH, encoding="utf-8")
    monkeypatch.chdir(proj)
    monkeypatch.delenv("DIPLOGRAPH_PROJECT", raising=False)
    result = cli_runner.invoke(cli, ["build", "-j", "1"])
    assert result.exit_code == 1
    assert "b-english" in result.stderr and "English" in result.stderr
    assert (proj / "graph" / "a-french.ttl").is_file() and not (proj / "graph" / "b-english.ttl").exists()
    forced = cli_runner.invoke(cli, ["build", "-j", "1", "--language", "fr"])
    assert forced.exit_code == 0, forced.stderr
    assert (proj / "graph" / "b-english.ttl").is_file()


# ------------------------------------------------------------------------ what build may delete


def test_build_keeps_graphs_of_files_outside_the_corpus_and_names_what_it_removes(
        tmp_path: Path, cli_runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    init_project(tmp_path / "proj")
    proj = tmp_path / "proj"
    (proj / "corpus" / "in-corpus.txt").write_text(FRENCH, encoding="utf-8")
    (proj / "corpus" / "leaving.txt").write_text(FRENCH.replace("mardi", "jeudi"), encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "elsewhere.txt").write_text(FRENCH.replace("Paris", "Genève"), encoding="utf-8")
    monkeypatch.chdir(proj)
    monkeypatch.delenv("DIPLOGRAPH_PROJECT", raising=False)
    assert cli_runner.invoke(cli, ["build", "-j", "1"]).exit_code == 0
    outside = cli_runner.invoke(cli, ["build", "-j", "1", str(other / "elsewhere.txt")])
    assert outside.exit_code == 0, outside.stderr
    (proj / "corpus" / "leaving.txt").unlink()
    again = cli_runner.invoke(cli, ["build", "-j", "1"])
    assert again.exit_code == 0, again.stderr
    graphs = sorted(p.name for p in (proj / "graph").glob("*.ttl"))
    assert graphs == ["_corpus.ttl", "elsewhere.ttl", "in-corpus.ttl"]  # + the corpus graph
    summary = again.stderr.strip().splitlines()[-1]
    assert "1 removed" in summary and "leaving" in summary and "elsewhere" not in summary
    assert "graph/elsewhere" in (proj / "graph" / "diplograph.trig").read_text(encoding="utf-8")
    # once its file is deleted by hand, the record forgets it and a build does not bring it back
    (proj / "graph" / "elsewhere.ttl").unlink()
    assert cli_runner.invoke(cli, ["build", "-j", "1"]).exit_code == 0
    assert sorted(p.name for p in (proj / "graph").glob("*.ttl")) == ["_corpus.ttl", "in-corpus.ttl"]


# ------------------------------------------------------------------------------------- pipes


@pytest.mark.parametrize("command", [["queries"], ["verify"], ["query", "meetings"], ["stats"]])
def test_a_reader_that_closes_early_ends_the_command_quietly(command: list[str]) -> None:
    """stdout closed before the command writes (the reader went away): no error line, same exit code."""
    env = {k: v for k, v in os.environ.items() if k != "DIPLOGRAPH_PROJECT"}
    full = run(*command, cwd=REPO)
    process = subprocess.Popen([sys.executable, "-m", "diplograph", *command], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=300) == full.returncode
    assert "error" not in stderr.lower() and "Traceback" not in stderr


@pytest.mark.parametrize("command", ["queries", "verify"])
def test_head_one_reads_the_first_line_and_nothing_complains(command: str) -> None:
    shell = f"{sys.executable} -m diplograph {command} | head -1"
    env = {k: v for k, v in os.environ.items() if k != "DIPLOGRAPH_PROJECT"}
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=300)
    full = run(command, cwd=REPO)
    assert result.stdout == full.stdout.splitlines(keepends=True)[0]
    assert result.returncode == full.returncode
    assert "error" not in result.stderr.lower()


def test_serve_of_explicit_files_leaves_nothing_in_the_current_folder(project: Path, tmp_path: Path) -> None:
    """`serve FILE` from another folder keeps its store out of that folder (no ./graph/.store)."""
    import queue
    import threading

    env = {k: v for k, v in os.environ.items() if k != "DIPLOGRAPH_PROJECT"}
    trig = project / "graph" / "diplograph.trig"
    process = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", str(trig), "--port", "0"], cwd=tmp_path,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    try:
        seen: list[str] = []
        while not any("http://" in line for line in seen):
            try:
                seen.append(lines.get(timeout=120))
            except queue.Empty:
                pytest.fail(f"serve did not start: {''.join(seen)}")
        assert list(tmp_path.iterdir()) == []
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert list(tmp_path.iterdir()) == []


def test_project_option_names_a_folder_without_a_project(tmp_path: Path) -> None:
    result = run("--project", str(tmp_path), "queries", cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "diplograph init" in result.stderr


def test_project_shapes_replace_the_shipped_ones(tmp_path: Path) -> None:
    """`shapes = "..."` in diplograph.toml: validate checks the project's own shapes."""
    assert run("init", "proj", cwd=tmp_path).returncode == 0
    proj = tmp_path / "proj"
    toml = proj / "diplograph.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + 'shapes = "my-shapes.ttl"\n', encoding="utf-8")
    (proj / "my-shapes.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix dg: <https://w3id.org/diplograph/ontology#> .\n"
        "<urn:my:MeetingsHaveAnAgenda> a sh:NodeShape ; sh:targetClass dg:Meeting ;\n"
        "    sh:property [ sh:path <urn:my:agenda> ; sh:minCount 1 ;\n"
        "                  sh:message \"my rule: a meeting has an agenda\" ] .\n",
        encoding="utf-8")
    seed_graph = str(REPO / "graph" / "diplograph.trig")
    inside = run("validate", seed_graph, cwd=proj)
    assert inside.returncode == 1 and "my rule: a meeting has an agenda" in inside.stdout
    outside = run("validate", seed_graph, cwd=tmp_path)
    assert "my rule" not in outside.stdout
