"""The dated events of a corpus on one time axis.

Each event is a stem rising (or hanging) from the axis, its colour the event type, its
marker filled when the event happened and hollow, on a dashed stem, when it was only planned
or announced. A date known to the month (xsd:gYearMonth) or the year (xsd:gYear) is placed at
the middle of that period and the whole period is drawn as a bar on the axis, so nobody reads
a precise day into it. Labels are stacked on levels chosen greedily so that they do not
overlap, however many events share a day.

One wrong or far-away date must not squeeze every other event into a thin band: where no
event falls for a long stretch (see :func:`axis_layout`), the axis is broken, the empty
stretch drawn as a short gap marked ``//`` with a note of how long it is, and each part keeps
its own scale.
"""

from __future__ import annotations

import calendar
import re
import textwrap
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.errors import InputError, UsageError
from diplograph.namespaces import PREFIXES, vocab_iri
from diplograph.pictures import Labels, local_name, select, write_output

if TYPE_CHECKING:
    import pyoxigraph

OCCURRED = vocab_iri("event-status", "occurred")
XSD = PREFIXES["xsd"]
PICTURE_SUFFIXES = (".svg", ".png")
# Upper classes say nothing a reader wants as a colour; the specific class or dg:eventType does.
_GENERIC_CLASSES = {PREFIXES["dg"] + "DiplomaticEvent", PREFIXES["dg"] + "BackgroundEvent"}

UI: dict[str, dict[str, str]] = {
    "fr": {"title": "Chronologie des événements datés", "occurred": "a eu lieu",
           "tentative": "prévu ou annoncé", "partial": "date au mois ou à l'année (placée au milieu)",
           "month": "mois", "year": "année", "skipped": "{} sans événement", "years": "{:.1f} ans",
           "months": "{} mois"},
    "en": {"title": "Timeline of dated events", "occurred": "occurred",
           "tentative": "planned or announced", "partial": "month or year only (placed mid-period)",
           "month": "month", "year": "year", "skipped": "{} without events", "years": "{:.1f} years",
           "months": "{} months"},
}


@dataclass(frozen=True, order=True)
class DatedEvent:
    """One point of the timeline; ``start``/``end`` span the period a partial date covers."""

    when: date
    label: str
    type_label: str
    iri: str
    tentative: bool = False
    precision: str = "day"  # day | month | year
    start: date | None = None
    end: date | None = None


_DATE = re.compile(r"(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?")


def place_date(lexical: str, datatype: str) -> tuple[date, str, date, date] | None:
    """(point drawn, precision, period start, period end) of an xsd date literal, None if unreadable.

    A gYearMonth is drawn at the middle day of its month and a gYear at the middle of its year:
    the honest single point for "some time in that month".
    """
    match = _DATE.match(lexical.strip())
    if not match:
        return None
    try:
        year = int(match.group(1))
        if datatype == XSD + "gYear" or not match.group(2):
            start, end = date(year, 1, 1), date(year, 12, 31)
            return start + (end - start) / 2, "year", start, end
        month = int(match.group(2))
        if datatype == XSD + "gYearMonth" or not match.group(3):
            start = date(year, month, 1)
            end = date(year, month, calendar.monthrange(year, month)[1])
            return start + timedelta(days=(end - start).days // 2), "month", start, end
        day = date(year, month, int(match.group(3)))
    except ValueError:
        return None
    return day, "day", day, day


def dated_events(store: pyoxigraph.Store, labels: Labels) -> tuple[list[DatedEvent], int]:
    """Every event with a readable dg:date, sorted by date; and how many events had none."""
    rows = select(store, """
        SELECT ?e ?date ?dt ?etype ?type ?status WHERE {
          ?e dg:date ?date BIND(DATATYPE(?date) AS ?dt)
          FILTER NOT EXISTS { ?real dg:hasReport ?e }  # a real event once: its corpus event stands for it
          OPTIONAL { ?e dg:eventType ?etype }
          OPTIONAL { ?e a ?type FILTER(STRSTARTS(STR(?type), STR(dg:))) }
          OPTIONAL { ?e dg:status ?status }
        }""")
    undated = select(store, """
        SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
          { ?e a dg:DiplomaticEvent } UNION { ?e a dg:BackgroundEvent } UNION { ?e dg:eventType ?t }
          FILTER NOT EXISTS { ?e dg:date ?d }
          FILTER NOT EXISTS { ?real dg:hasReport ?e }
        }""")
    by_event: dict[str, dict[str, str]] = {}
    for row in sorted(rows, key=lambda r: sorted(r.items())):
        known = by_event.setdefault(row["e"], dict(row))
        if "type" in row and row["type"] not in _GENERIC_CLASSES and known.get("type") in _GENERIC_CLASSES:
            known["type"] = row["type"]
    events: list[DatedEvent] = []
    unreadable = 0
    for iri, row in by_event.items():
        placed = place_date(row["date"], row.get("dt", ""))
        if placed is None:
            unreadable += 1
            continue
        when, precision, start, end = placed
        kind = row.get("etype") or row.get("type")
        status = row.get("status", "")
        events.append(DatedEvent(when, labels.get(iri), labels.get(kind) if kind else "?", iri,
                                 bool(status) and status != OCCURRED, precision, start, end))
    return sorted(events), int(undated[0].get("n", "0")) + unreadable if undated else unreadable


#: A stretch without events is cut out of the axis when it is longer than this share of the
#: whole period (and than BREAK_MIN_DAYS): then the events around it would otherwise be squeezed.
BREAK_SHARE = 0.25
BREAK_MIN_DAYS = 60
#: Width of a break on the drawn axis, as a share of the days shown.
BREAK_WIDTH = 0.08


@dataclass(frozen=True)
class AxisLayout:
    """Dates -> positions on the drawn axis (in days), with the empty stretches cut out.

    ``parts`` are the (first, last) dates of each unbroken part; ``breaks`` the (position,
    last date before, first date after) of each cut. Within a part, one day is one unit.
    """

    parts: tuple[tuple[date, date], ...]
    offsets: tuple[float, ...]  # position of each part's first date
    breaks: tuple[tuple[float, date, date], ...]
    pad: float

    def x(self, when: date) -> float:
        """Position of a date: in the part holding it (or the nearest part before it)."""
        index = 0
        for i, (first, _last) in enumerate(self.parts):
            if when >= first - timedelta(days=self.pad):
                index = i
        return self.offsets[index] + (when - self.parts[index][0]).days

    @property
    def left(self) -> float:
        return self.offsets[0] - self.pad

    @property
    def right(self) -> float:
        first, last = self.parts[-1]
        return self.offsets[-1] + (last - first).days + self.pad


def axis_layout(events: list[DatedEvent]) -> AxisLayout:
    """Cut the axis where no event falls for longer than BREAK_SHARE of the whole period.

    Each event covers its period (a month, a year, or its day); the periods are merged, and a
    gap between two merged periods longer than ``max(BREAK_MIN_DAYS, BREAK_SHARE * span)``
    becomes a break of fixed width. Evenly spread events are never cut; one outlier years away
    from a dense month is, so the month keeps most of the width.
    """
    spans = sorted((e.start or e.when, e.end or e.when) for e in events)
    merged: list[list[date]] = [list(spans[0])]
    for start, end in spans[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    total = max((merged[-1][1] - merged[0][0]).days, 1)
    limit = max(BREAK_MIN_DAYS, BREAK_SHARE * total)
    parts: list[tuple[date, date]] = []
    for start, end in merged:
        if parts and (start - parts[-1][1]).days <= limit:
            parts[-1] = (parts[-1][0], end)
        else:
            parts.append((start, end))
    shown = sum(max((last - first).days, 1) for first, last in parts)
    pad = max(shown * 0.04, 1.5)
    gap = max(shown * BREAK_WIDTH, 2.0)
    offsets: list[float] = []
    breaks: list[tuple[float, date, date]] = []
    position = 0.0
    for i, (first, last) in enumerate(parts):
        if i:
            position += pad
            breaks.append((position + gap / 2, parts[i - 1][1], first))
            position += gap + pad
        offsets.append(position)
        position += (last - first).days
    return AxisLayout(tuple(parts), tuple(offsets), tuple(breaks), pad)


def _skipped(before: date, after: date, ui: dict[str, str]) -> str:
    days = (after - before).days
    amount = ui["years"].format(days / 365.25) if days >= 365 else ui["months"].format(round(days / 30.44))
    return ui["skipped"].format(amount)


def _levels(events: list[DatedEvent], label_days: list[float], xs: list[float] | None = None) -> list[int]:
    """Stem height of each event: the lowest level, alternating above/below the axis, whose
    previous label ends before this one starts (labels are left-aligned at their date)."""
    ends: dict[int, float] = {}
    order = [k * sign for k in range(1, len(events) + 2) for sign in (1, -1)]
    result = []
    positions = xs if xs is not None else [float(e.when.toordinal()) for e in events]
    for x, width in zip(positions, label_days, strict=True):
        level = next(lv for lv in order if ends.get(lv, float("-inf")) < x)
        ends[level] = x + width
        result.append(level)
    return result


def render_timeline(events: list[DatedEvent], output: Path, lang: str = "fr") -> bytes:
    """Draw the events to ``output`` (.svg or .png); returns the bytes written."""
    suffix = output.suffix.lower()
    if suffix not in PICTURE_SUFFIXES:
        raise UsageError(f"{output}: picture must end in .svg or .png")
    if not events:
        raise InputError("no dated event in the graph: nothing to draw (do the events have dg:date?)")

    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    ui = UI[lang]
    types = sorted({e.type_label for e in events})
    cmap = plt.get_cmap("tab10" if len(types) <= 10 else "tab20")
    colour = {t: cmap(i % cmap.N) for i, t in enumerate(types)}

    layout = axis_layout(events)
    xs = [layout.x(e.when) for e in events]
    span = layout.right - layout.left
    width_in = 13.0
    plot_in = width_in * 0.94
    texts = [textwrap.shorten(e.label, 46, placeholder="…") for e in events]
    texts = [f"{t} (~{ui[e.precision]})" if e.precision != "day" else t
             for t, e in zip(texts, events, strict=True)]
    # DejaVu Sans at 8 pt averages ~0.062 in per character; plus the marker and offset.
    label_in = [min(len(t) * 0.064 + 0.2, plot_in * 0.8) for t in texts]
    # Days shown so that every label, left-aligned at its date, ends inside the axes:
    # (x - left) + w * days / plot_in <= days  =>  days >= (x - left) / (1 - w / plot_in).
    days = max([span] + [(x - layout.left) / (1 - w / plot_in) for x, w in zip(xs, label_in, strict=True)])
    label_days = [w * days / plot_in for w in label_in]
    levels = _levels(events, label_days, xs)
    top = max(abs(lv) for lv in levels)
    height_in = max(3.5, 1.6 + 0.36 * 2 * top + 0.2 * (len(types) + 3) / 5)

    with plt.rc_context({"svg.hashsalt": "diplograph", "svg.fonttype": "none", "font.family": "DejaVu Sans"}):
        fig, ax = plt.subplots(figsize=(width_in, height_in), dpi=110, layout="constrained")
        ax.axhline(0, color="#333333", linewidth=1.2, zorder=1)
        for where, before, after in layout.breaks:
            ax.axvspan(where - layout.pad / 2, where + layout.pad / 2, color="white", zorder=1.5)
            ax.text(where, 0, "//", ha="center", va="center", fontsize=11, color="#333333", zorder=4)
            ax.annotate(_skipped(before, after, ui), (where, 0), xytext=(0, -14), textcoords="offset points",
                        ha="center", va="top", fontsize=7, color="#555555", style="italic")
        for event, text, level, x in zip(events, texts, levels, xs, strict=True):
            c = colour[event.type_label]
            ax.vlines(x, 0, level, color=c, linewidth=1.2, linestyles="--" if event.tentative else "-",
                      zorder=2)
            ax.plot([x], [level], marker="o", markersize=7, markeredgewidth=1.6, color=c,
                    markerfacecolor="white" if event.tentative else c, zorder=3)
            if event.precision != "day" and event.start and event.end:
                ax.plot([layout.x(event.start), layout.x(event.end)], [0, 0], color=c,
                        linewidth=6, alpha=0.35, solid_capstyle="butt", zorder=1)
            ax.annotate(text, (x, level), xytext=(6, 0), textcoords="offset points", va="center",
                        ha="left", fontsize=8, color="#222222")
        ax.set_ylim(-top - 0.8, top + 0.8)
        ax.set_xlim(layout.left, layout.left + days)
        ticks = _ticks(layout, mdates)
        ax.set_xticks([x for x, _ in ticks], [label for _, label in ticks])
        ax.yaxis.set_visible(False)
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
        ax.set_title(ui["title"], fontsize=12, loc="left")
        handles = [Patch(color=colour[t], label=t) for t in types]
        handles += [
            Line2D([], [], color="#555555", marker="o", label=ui["occurred"]),
            Line2D([], [], color="#555555", marker="o", markerfacecolor="white", linestyle="--",
                   label=ui["tentative"]),
            Line2D([], [], color="#555555", linewidth=6, alpha=0.35, label=ui["partial"]),
        ]
        fig.legend(handles=handles, loc="outside lower center", fontsize=8, frameon=False,
                   ncols=min(len(handles), 5))
        buffer = io.BytesIO()
        metadata = {"Date": None, "Creator": None} if suffix == ".svg" else {"Software": None}
        fig.savefig(buffer, format=suffix[1:], metadata=metadata)
        plt.close(fig)
    data = buffer.getvalue()
    write_output(output, data)
    return data


def _ticks(layout: AxisLayout, mdates: object) -> list[tuple[float, str]]:
    """Date ticks of each part of the axis, as many as its width allows (at least its first date)."""
    total = layout.right - layout.left
    ticks: list[tuple[float, str]] = []
    for first, last in layout.parts:
        share = ((last - first).days + 2 * layout.pad) / total
        most = max(1, round(9 * share))
        if most < 3 or first == last:
            ticks.append((layout.x(first), first.isoformat()))
            continue
        locator = mdates.AutoDateLocator(minticks=3, maxticks=most)  # type: ignore[attr-defined]
        low = datetime.combine(first - timedelta(days=layout.pad), time())
        high = datetime.combine(last + timedelta(days=layout.pad), time())
        for value in locator.tick_values(low, high):
            day = mdates.num2date(value).date()  # type: ignore[attr-defined]
            if first - timedelta(days=layout.pad) <= day <= last + timedelta(days=layout.pad):
                ticks.append((layout.x(day), day.isoformat()))
    return ticks


def timeline(store: pyoxigraph.Store, output: Path, lang: str = "fr") -> tuple[list[DatedEvent], int]:
    """Draw every dated event of ``store``; returns the events drawn and the count left out."""
    labels = Labels(store, lang)
    events, undated = dated_events(store, labels)
    render_timeline(events, output, lang)
    return events, undated


__all__ = ["AxisLayout", "DatedEvent", "axis_layout", "dated_events", "local_name", "place_date", "render_timeline",
           "timeline"]
