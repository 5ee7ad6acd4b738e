"""The query page of `diplograph serve`, used as a person would: headless Chromium types a query.

Needs Debian's `chromium` and `chromium-driver` and the PyPI package `selenium`; skipped with
the reason otherwise. The driver is the system one (/usr/bin/chromedriver), so nothing is
downloaded at run time.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless browser test needs /usr/bin/chromium "
                                                     "(apt-get install chromium chromium-driver)"),
    pytest.mark.skipif(shutil.which("chromedriver") is None and not DRIVER.exists(),
                       reason="needs chromedriver (apt-get install chromium-driver)"),
]

PEOPLE_TTL = """\
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/diplograph/id/person/ana-exemplo> a dg:Person ; rdfs:label "Ana Exemplo"@fr .
<https://w3id.org/diplograph/id/person/jean-testeur> a dg:Person ; rdfs:label "Jean Testeur"@fr .
"""


@pytest.fixture
def served_url(tmp_path: Path) -> Iterator[str]:
    sys.path.insert(0, str(Path(__file__).parent))
    from test_serve import start_serve, stop_serve

    data = tmp_path / "people.ttl"
    data.write_text(PEOPLE_TTL, encoding="utf-8")
    server = start_serve([data], tmp_path / "store")
    try:
        yield server.url
    finally:
        stop_serve(server.process)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="needs the PyPI package selenium")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'chromium-profile'}", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or str(DRIVER)), options=options)
    try:
        yield driver
    finally:
        pid = getattr(getattr(driver, "service", None), "process", None)
        driver.quit()
        if isinstance(pid, subprocess.Popen) and pid.poll() is None:
            pid.send_signal(signal.SIGKILL)


def test_a_query_typed_into_the_page_returns_rows(served_url: str, browser: object, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    driver.get(served_url + "/")  # type: ignore[attr-defined]
    wait = WebDriverWait(driver, 30)
    editor = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".CodeMirror"))
    editor.click()
    typing = driver.find_element(By.CSS_SELECTOR, ".CodeMirror textarea")  # type: ignore[attr-defined]
    typing.send_keys(Keys.CONTROL, "a")
    typing.send_keys(Keys.DELETE)
    typing.send_keys("PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
                     "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                     "SELECT ?name WHERE { GRAPH <https://w3id.org/diplograph/graph/people> {\n"
                     "?person a dg:Person ; rdfs:label ?name } } ORDER BY ?name")
    driver.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()  # type: ignore[attr-defined]
    cells = wait.until(lambda d: [c.text for c in d.find_elements(By.CSS_SELECTOR, ".yasr table tbody td")]
                       or None)
    names = [text for text in cells if "@" in text]
    assert names == ['"Ana Exemplo"@fr', '"Jean Testeur"@fr']
    driver.save_screenshot(str(tmp_path / "query-page.png"))  # type: ignore[attr-defined]
