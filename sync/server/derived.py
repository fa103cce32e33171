"""A step's consequences on the server's own copy of its matter: derived, not written.

When the server accepts a step (an event the rules allow from the state it holds), it applies what the step
sets to the matter itself, by the core's rules (`lifecycle.advance` for the state, `lifecycle.step_times` at
the step's counted time, `timing.due_on_after`, the handler's name), as a new version every laptop pulls. A
laptop that sends the step without the matching edit of the matter (or with another) therefore cannot leave
the matter and its history disagreeing: the figures follow the events, and so does the matter. The laptop's
own matching edit, arriving after, finds the same values and is taken; the fields are numbered with the step's
own sequence number so that edit still pairs with its step (`authority.latest_event`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sync.core.domain import lifecycle
from sync.core.domain.lifecycle import Action, Status

from . import authority, counted_time, county, history


def _wire(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def consequences(session, matter, event: dict) -> dict[str, Any]:
    """The matter's fields the step `event` changes, as the matter stores them (empty when none)."""
    try:
        action = Action(event.get("action"))
    except ValueError:
        return {}
    if action == Action.REPORT:
        return {}  # the report comes with the matter itself
    step = event.get("data") or {}
    try:
        before = authority.state_of(session, matter.id, matter.data)
        after = lifecycle.advance(before, action, {**step, "note": event.get("note")})
    except (authority.Refused, lifecycle.Refused, ValueError, IndexError, TypeError):
        return {}  # the event's own check said why; nothing to derive from a step that cannot be taken
    target: dict[str, Any] = {
        column: lifecycle.stored(after, column)
        for column in lifecycle.STATE_FIELDS
        if lifecycle.stored(after, column) != lifecycle.stored(before, column)
    }
    if after.handler != before.handler:
        target["handler_name"] = history._handler_name(session, after.handler)
    counted = counted_time.of(event)
    times = lifecycle.step_times(action, step, counted, checked=after.status == Status.CHECKED)
    target.update({column: _wire(value) for column, value in times.items()})
    if action == Action.REGISTER:
        target.update({f: step[f] for f in ("risk", "category") if step.get(f)})
    if action == Action.CORRECT_FACTS and step.get("risk"):
        target["risk"] = step["risk"]  # raised by the corrected facts (facts.raises)
    if action in lifecycle.STEP_SET_FIELDS["due_on"]:
        due = history._due_on(session, action, step, {**matter.data, **target})
        if due is not None:
            target["due_on"] = due.isoformat()
    return {f: v for f, v in target.items() if matter.data.get(f) != v}


def apply_step(pusher, event: dict, event_seq: int) -> None:
    """After the step `event` (numbered `event_seq`) is taken: its consequences on the matter, as a server
    version numbered after it, its fields numbered with the step and credited to the step's device."""
    matter_id = event.get("matter_id")
    found = pusher._record(matter_id) if isinstance(matter_id, str) else None
    if found is None or found.table_name != "matters" or found.deleted:
        return
    matter = pusher._stored(found)
    changes = consequences(pusher.session, matter, event)
    if not changes:
        return
    pusher.wrote = True
    matter.data = {**matter.data, **changes}
    matter.field_seq = {**matter.field_seq, **dict.fromkeys(changes, event_seq)}
    matter.field_device = {**matter.field_device, **dict.fromkeys(changes, pusher.device_id)}
    matter.server_seq = pusher.seq.next()
    matter.updated_by = pusher.author
    matter.updated_device = None  # written by the server: every device pulls it, the step's author too
    matter.server_time = pusher.now
    if county.reaches("matters", matter.data) and not matter.county:  # 提级 to the county: sent to it whole
        county.entered(pusher, matter)
