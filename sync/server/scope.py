"""Where a record belongs (its village and grid), and which records a device's scope may read and write."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import false, or_, true
from sqlalchemy.orm import Session

from sync.records import SCOPE_RULES, SHARED, Direct, Parent

from .models import Record


@dataclass(frozen=True)
class Place:
    """A record's place: shared reference data, or a village and grid (None, None: the township itself)."""

    shared: bool = False
    village_id: str | None = None
    grid_id: str | None = None
    parent_id: str | None = None


def place_of(session: Session, table: str, data: dict) -> Place | None:
    """None when the record hangs under a parent the server does not have."""
    rule = SCOPE_RULES[table]
    if rule == SHARED:
        return Place(shared=True)
    if isinstance(rule, Direct):
        return Place(village_id=data.get(rule.village), grid_id=data.get(rule.grid))
    assert isinstance(rule, Parent)
    parent_id = data.get(rule.id_field)
    parent = session.get(Record, parent_id) if parent_id else None
    if parent is None or parent.table_name != rule.parent_table(data):
        return None
    return Place(parent.shared, parent.village_id, parent.grid_id, parent_id)


@dataclass(frozen=True)
class DeviceScope:
    kind: str  # grid / village / township
    ids: frozenset[str]

    def covers(self, place: Place) -> bool:
        if self.kind == "township":
            return True
        if place.shared:
            return False  # reference data is read by all, written only township-wide
        if self.kind == "village":
            return place.village_id in self.ids
        return place.grid_id in self.ids

    def readable(self, village_col, grid_col, shared_col=None):
        """The SQL condition for rows this scope may read: its own villages or grids, and shared data."""
        if self.kind == "township":
            return true()
        ids = list(self.ids)
        own = (village_col.in_(ids) if self.kind == "village" else grid_col.in_(ids)) if ids else false()
        return own if shared_col is None else or_(shared_col.is_(True), own)
