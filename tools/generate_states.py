"""Generate ontology/vocab/states.ttl: every sovereign state of ISO 3166-1, with French names.

Why: a state the hand-written gazetteer (actors.ttl) does not list ("le Sénégal", "la
République du Zimbabwe") was minted as a place or an organisation, or not found at all. The
list of states is not ours to write: ``pycountry`` ships ISO 3166-1 and the iso-codes French
translations (gettext catalogue ``iso3166-1`` under ``pycountry.LOCALES_DIR``).

What it writes, per state (sorted by IRI, so the output is byte-identical on every run):

- a state already in actors.ttl (matched by name) keeps its IRI and labels there; this file only
  adds its ISO code (skos:notation) and the ISO French/English long names it lacks as altLabels;
- any other state becomes ``id/state/<slug of its English short name>`` with French and English
  prefLabel/rdfs:label, the ISO long name ("République du Zimbabwe") and inverted ISO forms
  turned into running text ("Tanzanie, République unie de" -> "République unie de Tanzanie"), a
  definition, its ISO code, and a French demonym where ``EXTRA`` below gives one.

ISO 3166-1 does not say which entries are sovereign; ``DEPENDENT`` lists the entries ISO marks
"independent: no" (territories, Antarctica, Taiwan, ...), and they are left out. Palestine, an
observer state recognised by most UN members and a party in diplomatic news, is kept. ``EXTRA``
holds the common French short names ISO lacks ("Birmanie", "Cap-Vert", "RDC") and demonyms.
A name that the hand-written gazetteer (actors.ttl, places.ttl) already gives to another thing
is not added (it would make the linker choose at random).

Every state, hand-written or generated, also gets its territory: a dg:Place twin
``id/place/<slug of the state IRI>`` with the state's preferred labels and ``dg:standsFor`` the
state, so that "au Sénégal", "en Argentine" can be an event's place while "le Sénégal a
annoncé" stays the state (the lexicon reaches a twin only through its state, see
``Lexicon.place_twin``). A hand-written place that stands for a state (a capital, a seat of
government) lies in that state's territory: ``dg:locatedIn`` the twin is written here too.

Re-run after a pycountry upgrade or an edit of actors.ttl/places.ttl, from the repository root:

    .venv/bin/python tools/generate_states.py            # rewrites ontology/vocab/states.ttl
    .venv/bin/python tools/generate_states.py --check    # exit 1 if the committed file differs

pycountry is a test/tooling dependency only (the ``test`` extra), not needed at run time.
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOCAB = ROOT / "ontology" / "vocab"
OUTPUT = VOCAB / "states.ttl"
STATE_NS = "https://w3id.org/diplograph/id/state/"
PLACE_NS = "https://w3id.org/diplograph/id/place/"

#: ISO 3166-1 entries marked "independent: no" by ISO (dependent territories and the like).
DEPENDENT = frozenset(
    "AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO MP MQ "
    "MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK TW UM VG VI WF YT".split()
)

#: Common French names ISO does not give, and French demonyms (masculine singular; a tuple when
#: usage has several: "la délégation lao" and "le gouvernement laotien"), by ISO code.
EXTRA: dict[str, tuple[tuple[str, ...], str | tuple[str, ...] | None]] = {
    "AF": ((), "afghan"), "AL": ((), "albanais"), "AO": ((), "angolais"), "AR": (("République argentine",), "argentin"),
    "BA": (("Bosnie",), "bosnien"), "BD": ((), "bangladais"), "BF": (("Faso",), "burkinabè"),
    "BH": ((), ("bahreïnien", "bahreïni")),
    "BJ": ((), "béninois"), "BO": ((), "bolivien"), "CD": (("RDC", "Congo-Kinshasa"), None),
    "CG": (("Congo", "Congo-Brazzaville"), None), "CI": (("Cote d'Ivoire",), "ivoirien"), "CL": ((), "chilien"),
    "CM": ((), "camerounais"), "CO": ((), "colombien"), "CU": ((), "cubain"), "CV": (("Cap-Vert",), "cap-verdien"),
    "CY": ((), "chypriote"), "DJ": ((), "djiboutien"), "DZ": ((), "algérien"), "EC": ((), "équatorien"),
    "ER": ((), "érythréen"), "ET": ((), "éthiopien"), "GA": ((), "gabonais"), "GH": ((), "ghanéen"),
    "GN": ((), "guinéen"), "GT": ((), "guatémaltèque"), "HN": ((), "hondurien"), "HR": ((), "croate"),
    "HT": ((), "haïtien"), "ID": ((), "indonésien"), "IQ": ((), "irakien"), "IS": ((), "islandais"),
    "JO": ((), "jordanien"), "KE": ((), "kényan"), "KG": (("Kirghizie",), "kirghiz"), "KH": ((), "cambodgien"),
    "KW": ((), "koweïtien"), "LA": (("Laos",), ("laotien", "lao")), "LB": ((), "libanais"), "LK": ((), "sri-lankais"),
    "LU": ((), "luxembourgeois"), "LY": ((), "libyen"), "MA": ((), "marocain"), "MC": ((), "monégasque"),
    "ME": ((), "monténégrin"), "MG": ((), "malgache"), "MK": ((), "macédonien"), "ML": ((), "malien"),
    "MM": (("Birmanie",), "birman"), "MN": ((), "mongol"), "MR": ((), "mauritanien"), "MT": ((), "maltais"),
    "MX": ((), "mexicain"), "MY": ((), "malaisien"), "MZ": ((), "mozambicain"), "NE": ((), "nigérien"),
    "NG": ((), "nigérian"), "NI": ((), "nicaraguayen"), "NP": ((), "népalais"), "NZ": ((), "néo-zélandais"),
    "OM": ((), "omanais"), "PA": ((), "panaméen"), "PE": ((), "péruvien"), "PH": ((), "philippin"),
    "PK": ((), "pakistanais"), "PS": (("Autorité palestinienne",), "palestinien"), "PY": ((), "paraguayen"),
    "RW": ((), "rwandais"),
    "SD": ((), "soudanais"), "SG": ((), "singapourien"), "SI": ((), "slovène"), "SN": ((), "sénégalais"),
    "SO": ((), "somalien"), "SS": ((), "sud-soudanais"), "SZ": (("Swaziland",), "swazi"), "TD": ((), "tchadien"),
    "TG": ((), "togolais"), "TH": ((), "thaïlandais"), "TJ": (("Tadjikistan",), "tadjik"),
    "TL": (("Timor oriental",), "est-timorais"), "TM": ((), "turkmène"),
    "TN": (("République tunisienne",), "tunisien"), "TZ": ((), "tanzanien"),
    "UG": ((), "ougandais"), "UY": ((), "uruguayen"), "UZ": ((), "ouzbek"),
    "VE": (("Venezuela", "République bolivarienne du Venezuela"), "vénézuélien"),
    "VN": (("Vietnam", "Viêt-nam"), "vietnamien"), "YE": ((), "yéménite"),
    "ZM": ((), "zambien"), "ZW": ((), "zimbabwéen"),
    "GM": ((), "gambien"),
    "GW": ((), "bissau-guinéen"),
    "LR": ((), "libérien"),
    "SL": ((), "sierra-léonais"),
    "CF": ((), "centrafricain"),
    "BI": ((), "burundais"),
    "MW": ((), "malawite"),
    "NA": ((), "namibien"),
    "BW": ((), "botswanais"),
    "KM": ((), "comorien"),
    "MU": ((), "mauricien"),
    "SC": ((), "seychellois"),
    "GQ": ((), "équato-guinéen"),
    "ST": ((), "santoméen"),
    "AE": ((), ("émirien", "émirati")),
    "SV": ((), "salvadorien"),
    "CR": ((), ("costaricien", "costaricain")),
    "JM": ((), "jamaïcain"),
    "DO": ((), "dominicain"),
    # Small states of the Caribbean, the Pacific and Europe, whose leaders news names by demonym
    # ("le président guyanien", "le Premier ministre tongien").
    "AD": ((), "andorran"), "AG": ((), "antiguais"), "BS": ((), "bahaméen"), "BB": ((), "barbadien"),
    "BZ": ((), "bélizien"), "BT": ((), "bhoutanais"), "BN": (("Brunei",), "brunéien"),
    "DM": ((), "dominiquais"), "FJ": ((), "fidjien"), "GD": ((), "grenadien"), "GY": ((), "guyanien"),
    "KI": ((), "kiribatien"), "LS": ((), "lesothan"), "LI": ((), "liechtensteinois"),
    "MV": ((), "maldivien"), "MH": ((), "marshallais"), "FM": ((), "micronésien"), "NR": ((), "nauruan"),
    "PW": ((), "palaosien"), "PG": ((), "papouan-néo-guinéen"), "KN": ((), "kittitien"),
    "LC": ((), "saint-lucien"), "VC": ((), "saint-vincentais"), "WS": ((), "samoan"),
    "SM": ((), "saint-marinais"), "SB": ((), "salomonais"), "SR": (("Suriname",), "surinamais"),
    "TO": ((), "tongien"), "TT": ((), "trinidadien"), "TV": ((), "tuvaluan"), "VU": ((), "vanuatais"),
}

SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DG = "https://w3id.org/diplograph/ontology#"


def fold(text: str) -> str:
    """Comparison key of a name (as the linker compares them): NFC, lower case, plain apostrophes."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u2011", "-")
    return " ".join(text.lower().split())


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


#: French short names in common use where ISO's French differs ("Viêt Nam", "Cabo Verde").
FRENCH_SHORT = {"CV": "Cap-Vert", "LA": "Laos", "VE": "Venezuela", "VN": "Vietnam"}
_ARTICLE = re.compile(r"^(?:l'|la |le |les |the )", re.IGNORECASE)


def plain(name: str) -> list[str]:
    """A name without a leading article, split at a parenthesis ("Saint-Siège (État de la Cité du Vatican)")."""
    out = []
    for part in re.split(r"\s*[()]\s*", name):
        part = _ARTICLE.sub("", part.strip())
        if part:
            out.append(part[:1].upper() + part[1:])
    return out


def uninvert(name: str) -> tuple[str, str | None]:
    """ISO's "Short, Long form of" -> (short, "Long form of Short") in running text."""
    if ", " not in name:
        return name, None
    short, rest = name.split(", ", 1)
    if not re.search(r"(?i)républi|state|république|état|province|federated|fédér|plurinational|"
                     r"islamic|bolivar|united|people|democratic", rest):
        return short, None
    rest = rest[:1].upper() + rest[1:]
    if rest.endswith("'"):
        return short, rest + short
    if re.search(r"(?i)\b(de|du|des|of|of the)$", rest):
        return short, f"{rest} {short}"
    return short, f"{rest} {short.lower()}"  # "République démocratique populaire lao"


class Gazetteer:
    """What the hand-written files say that the generated one must agree with (a plain class:
    the tests load this script by path, outside sys.modules, where @dataclass cannot run)."""

    def __init__(self) -> None:
        self.states: dict[str, str] = {}  # folded name -> actors.ttl state IRI
        self.others: dict[str, str] = {}  # folded name -> IRI of any other thing
        self.preferred: dict[str, dict[str, str]] = {}  # state IRI -> lang -> prefLabel
        self.seats: dict[str, list[str]] = {}  # state IRI -> hand-written places standing for it
        self.places: set[str] = set()  # IRIs of hand-written places


def _gazetteer() -> Gazetteer:
    """Hand-written names, preferred labels of states, and the places that stand for a state."""
    import pyoxigraph as ox

    labels = {SKOS + "prefLabel", SKOS + "altLabel", RDFS_LABEL}
    found = Gazetteer()
    triples = [t for name in ("actors.ttl", "places.ttl")
               for t in ox.parse(path=str(VOCAB / name), format=ox.RdfFormat.TURTLE)]
    state_iris = {t.subject.value for t in triples
                  if t.predicate.value == RDF_TYPE and t.object.value == DG + "State"}
    found.places = {t.subject.value for t in triples
                    if t.predicate.value == RDF_TYPE and t.object.value == DG + "Place"}
    for t in sorted(triples, key=str):
        iri = t.subject.value
        if t.predicate.value in labels and isinstance(t.object, ox.Literal):
            (found.states if iri in state_iris else found.others).setdefault(fold(t.object.value), iri)
        if t.predicate.value == SKOS + "prefLabel" and iri in state_iris and isinstance(t.object, ox.Literal):
            found.preferred.setdefault(iri, {}).setdefault(t.object.language or "", t.object.value)
        # a seat may stand for a state written here or for one generated below (id/state/...)
        if t.predicate.value == DG + "standsFor" and t.object.value.startswith(STATE_NS) and iri in found.places:
            found.seats.setdefault(t.object.value, []).append(iri)
    return found


def _literal(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def generate() -> str:
    """The Turtle text of states.ttl."""
    import pycountry

    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    gazetteer = _gazetteer()
    known, others = gazetteer.states, gazetteer.others
    taken = dict(others)
    territories: dict[str, list[str]] = {}
    entries: dict[str, list[str]] = {}
    iso_names = {fold(c.name) for c in pycountry.countries}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        if code in DEPENDENT:
            continue
        official = getattr(country, "official_name", None)
        common = getattr(country, "common_name", None)
        en_short, en_long = uninvert(country.name)
        if en_long and fold(en_short) in iso_names:  # "Congo, The Democratic Republic of the" is not "Congo"
            en_short = en_long
        en_short = plain(common or en_short)[0]
        fr_name = fr.gettext(country.name)
        fr_short, fr_long = uninvert(fr_name)
        if common and fr.gettext(common) != common:
            fr_short = fr.gettext(common)
        fr_short = FRENCH_SHORT.get(code, fr_short)
        extra_names, demonym = EXTRA.get(code, ((), None))
        fr_names = [fr_short, *(n for n in [fr_long, fr.gettext(official) if official else None,
                                              *extra_names] if n)]
        en_names = [en_short, *(n for n in [en_long, country.name if ", " not in country.name else None,
                                              official] if n)]
        fr_names = list(dict.fromkeys(p for n in fr_names for p in plain(n)))
        en_names = list(dict.fromkeys(p for n in en_names for p in plain(n)))
        existing = next((known[fold(n)] for n in fr_names + en_names if fold(n) in known), None)
        iri = existing or STATE_NS + slugify(en_short)
        new_names = [(n, "fr") for n in fr_names] + [(n, "en") for n in en_names]
        fresh: list[tuple[str, str]] = []
        for text, lang in new_names:
            key = fold(text)
            owner = taken.get(key) or (known.get(key) if known.get(key) != iri else None)
            if owner is not None and owner != iri:
                continue  # the name belongs to another thing of the gazetteer
            if existing and known.get(key) == iri:
                continue  # already written in actors.ttl
            taken[key] = iri
            if (text, lang) not in fresh:
                fresh.append((text, lang))
        lines = [f"<{iri}>"]
        if existing is None:
            fr_pref = next((t for t, lang in fresh if lang == "fr"), fr_short)
            en_pref = next((t for t, lang in fresh if lang == "en"), en_short)
            preferred = {"fr": fr_pref, "en": en_pref}
        else:
            preferred = gazetteer.preferred.get(iri, {})
        place = PLACE_NS + iri.rsplit("/", 1)[1]
        if place not in gazetteer.places and preferred.get("fr"):
            territories[place] = _territory(place, iri, preferred, code)
        if existing is None:
            alts = [(t, lang) for t, lang in fresh if (t, lang) not in ((fr_pref, "fr"), (en_pref, "en"))]
            lines += [
                "    a dg:State ;",
                f"    skos:prefLabel {_literal(fr_pref, 'fr')}, {_literal(en_pref, 'en')} ;",
                f"    rdfs:label {_literal(fr_pref, 'fr')}, {_literal(en_pref, 'en')} ;",
                f"    skos:definition {_literal(f'État souverain (ISO 3166-1 {code}).', 'fr')}, "
                f"{_literal(f'Sovereign state (ISO 3166-1 {code}).', 'en')} ;",
            ]
            if demonym:
                forms = (demonym,) if isinstance(demonym, str) else demonym
                lines.append("    dg:demonym " + ", ".join(_literal(d, "fr") for d in forms) + " ;")
        else:
            alts = fresh
        if alts:
            lines.append("    skos:altLabel " + ", ".join(_literal(t, lang) for t, lang in alts) + " ;")
        lines.append(f'    skos:notation "{code}" .')
        entries[iri] = lines
    head = [
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix dg: <https://w3id.org/diplograph/ontology#> .",
        "",
        "# GENERATED by tools/generate_states.py from pycountry (ISO 3166-1 and its French translation);",
        "# do not edit by hand: edit the script or actors.ttl and re-run it. Sovereign states only.",
        "# States written by hand in actors.ttl keep their IRI and labels there; here they only get their",
        "# ISO code (skos:notation) and the ISO names they lack. Every state gets its territory (a place",
        "# twin, id/place/..., with its preferred labels and dg:standsFor the state); hand-written places",
        "# standing for a state lie in (dg:locatedIn) that territory.",
        "",
    ]
    for state in sorted(gazetteer.seats):
        twin = PLACE_NS + state.rsplit("/", 1)[1]
        for seat in sorted(gazetteer.seats[state]):
            if twin in territories:
                entries[seat] = [f"<{seat}>", f"    dg:locatedIn <{twin}> ."]
    entries.update(territories)
    body = ["\n".join(entries[iri]) + "\n" for iri in sorted(entries)]
    return "\n".join(head) + "\n".join(body)


def _territory(place: str, state: str, preferred: dict[str, str], code: str) -> list[str]:
    """The dg:Place twin of a state: its territory, with the state's preferred labels."""
    labels = ", ".join(_literal(preferred[lang], lang) for lang in ("fr", "en") if preferred.get(lang))
    return [
        f"<{place}>",
        "    a dg:Place ;",
        f"    skos:prefLabel {labels} ;",
        f"    rdfs:label {labels} ;",
        f"    skos:definition {_literal(f'Territoire de l’État (ISO 3166-1 {code}).', 'fr')}, "
        f"{_literal(f'Territory of the state (ISO 3166-1 {code}).', 'en')} ;",
        f"    dg:standsFor <{state}> .",
    ]


def main(argv: list[str]) -> int:
    text = generate()
    if "--check" in argv:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print("states.ttl is up to date" if same else "states.ttl differs from the generator's output")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
