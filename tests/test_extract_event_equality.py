"""Events compare by value, as the dataclass made them, and cheaply when their triggers differ.

The extraction rules ask ``event in ctx.events`` after merges (~150,000 comparisons over the texts);
model.Event answers at once when the triggers start at different offsets, and otherwise asks the
comparison dataclasses generated. These tests pin both: the same answers as that comparison, and
no field-by-field comparison of the triggers where the offsets already tell.
"""

from __future__ import annotations

import pytest

from diplograph import model
from diplograph.model import DateValue, Event, Participant, Span


def _event(begin: int = 10, **changes) -> Event:
    values = dict(trigger=Span(begin, begin + 7, "réunion"), event_type="t", event_class="c", status="s",
                  sentence=Span(0, 40, "x" * 40))
    values.update(changes)
    return Event(**values)


CASES = [
    (_event(), _event()),
    (_event(), _event(12)),
    (_event(), _event(status="other")),
    (_event(), _event(places=["p"])),
    (_event(), _event(trigger=Span(10, 9, "réunion"))),
    (_event(), _event(trigger=Span(10, 17, "rencontre"))),
    (_event(date=DateValue("2025-01-02", "day", Span(1, 2, "x"))),
     _event(date=DateValue("2025-01-02", "day", Span(1, 2, "x")))),
    (_event(participants=[Participant("a")]), _event(participants=[Participant("b")])),
    (_event(), _event(trigger=None)),  # not a Span: the generated comparison answers
    (_event(), "réunion"),
]


@pytest.mark.parametrize(("one", "other"), CASES)
def test_events_compare_as_the_generated_comparison_does(one, other):
    assert (one == other) is (model._compare_events(one, other) is True)
    assert (one != other) is not (one == other)
    assert (one in [other]) is (one == other)


def test_events_at_different_offsets_do_not_compare_their_triggers(monkeypatch):
    def refuse(self, other):
        raise AssertionError("compared the trigger spans field by field")

    one, other = _event(10), _event(50)
    monkeypatch.setattr(Span, "__eq__", refuse)
    assert one != other
    assert one not in [other, _event(90)]


def test_an_event_stays_unhashable():
    with pytest.raises(TypeError):
        hash(_event())
