"""Context.events answers ``event in ctx.events`` as a list does (the speed pass's identity-first test)."""

from __future__ import annotations

import dataclasses

from diplograph.extract.context import Events
from diplograph.model import Event, Span


def _event(begin: int, text: str = "visite") -> Event:
    needed = {f.name: None for f in dataclasses.fields(Event)
              if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    needed["trigger"] = Span(begin, begin + len(text), text)
    return Event(**needed)


def test_membership_is_the_lists_own_answer():
    first, second, absent = _event(0), _event(20), _event(40)
    twin = dataclasses.replace(second)  # equal to ``second``, another object
    events = Events([first, second])
    for probe in (first, second, absent, twin):
        assert (probe in events) == (probe in list(events))
    assert twin in events  # an equal copy still counts, as in a list
    assert absent not in events
    events.remove(second)
    assert second not in events and twin not in events


def test_the_context_keeps_its_events_in_one():
    from diplograph.extract.context import Context

    assert isinstance(Context.__dataclass_fields__["events"].default_factory(), Events)
