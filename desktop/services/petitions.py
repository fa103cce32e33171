"""A petition's facts as the laptop holds them: the input of the core's windows and 信访三率
(`sync.core.domain.petitions`), read from the matter and its history."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import Event, Matter
from sync.core.domain import petitions
from sync.core.domain.lifecycle import Action, place_in_history
from sync.core.domain.petitions import PetitionFacts
from sync.core.domain.petitions import Stage as Stage
from sync.core.domain.petitions import running_window as running_window
from sync.core.domain.petitions import windows as windows

# The steps that decide a received petition, and the decision each is.
DECIDING = {Action.REGISTER: "accepted", Action.REJECT: "not_accepted", Action.FORWARD: "forwarded"}


def facts_of(matter: Matter, history: list[tuple[str, dict[str, Any], date]]) -> PetitionFacts:
    """The facts of one petition from its row and its history ((action, data, day taken), in order)."""
    decided_on = decision = replied_on = None
    for action, data, on in history:
        if action in DECIDING and decided_on is None:
            decided_on, decision = on, DECIDING[Action(action)]
        if action == Action.CLOSE:
            replied_on = petitions.day_of((data or {}).get("replied_on")) or on
        if action == Action.REOPEN:
            replied_on = None
    accepted = matter.registered_at.date() if decision == "accepted" and matter.registered_at else None
    return PetitionFacts(
        received=matter.reported_at.date(),
        decided_on=decided_on,
        decision=decision,
        accepted_on=accepted,
        limit=petitions.statute_limit(accepted, matter.extension_days or 0) if accepted else None,
        replied_on=replied_on,
        stage=matter.petition_stage,
        since=petitions.day_of(matter.petition_since),
    )


def histories(s: Session, matter_ids: list[str]) -> dict[str, list[tuple[str, dict[str, Any], date]]]:
    """The histories of these matters, each in the order its steps were taken."""
    found: dict[str, list[tuple[int, str, dict[str, Any], date]]] = {m: [] for m in matter_ids}
    for chunk in range(0, len(matter_ids), 500):
        rows = s.execute(
            select(Event.matter_id, Event.action, Event.data, Event.at).where(
                Event.matter_id.in_(matter_ids[chunk : chunk + 500]), Event.deleted.is_(False)
            )
        )
        for matter_id, action, data, at in rows:
            found[matter_id].append((place_in_history(data), action, data or {}, at.date()))
    return {
        m: [(a, d, on) for _, a, d, on in sorted(rows, key=lambda r: (r[0], r[3]))]
        for m, rows in found.items()
    }


def facts(s: Session, matters: list[Matter]) -> list[PetitionFacts]:
    """The facts of these matters that are petitions."""
    chosen = [m for m in matters if m.kind == "petition" and not m.deleted]
    known = histories(s, [m.id for m in chosen])
    return [facts_of(m, known[m.id]) for m in chosen]


def of_matter(s: Session, matter: Matter) -> PetitionFacts | None:
    """One matter's facts, or None when it is not a petition."""
    found = facts(s, [matter])
    return found[0] if found else None
