"""Where a record belongs (its village and grid), and which records a device's scope may read and write."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, event, false, or_, true
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from sync.core.records import SCOPE_RULES, SHARED, Direct, Parent

from . import county
from .models import Record


@dataclass(frozen=True)
class Place:
    """A record's place: shared reference data, or a village and grid (None, None: the township itself), and
    the unit it must be hidden from (a whistleblower matter reporting that unit, and everything under it)."""

    shared: bool = False
    village_id: str | None = None
    grid_id: str | None = None
    parent_id: str | None = None
    protected_from: str | None = None
    household_id: str | None = None
    county: bool = False  # a matter that is or was at county level, or a record under one
    township_id: str | None = (
        None  # a child's: its parent's (a county device writes in its matter's township)
    )

    @classmethod
    def of(cls, record: Record) -> Place:
        return cls(
            record.shared,
            record.village_id,
            record.grid_id,
            record.parent_id,
            record.protected_from,
            record.household_id,
            bool(record.county),
            record.township_id,
        )

    def moved_from(self, old: Place) -> bool:
        """Some device that could read it at `old` may no longer."""
        return (self.village_id, self.grid_id, self.household_id, self.protected_from) != (
            old.village_id,
            old.grid_id,
            old.household_id,
            old.protected_from,
        )


def place_of(session: Session, table: str, record_id: str, data: dict, lookup=None) -> Place | None:
    """None when the record hangs under a parent the server does not have. `lookup` finds a record by id (a
    push's own, holding what the batch wrote so far); by default the session."""
    rule = SCOPE_RULES[table]
    if rule == SHARED:
        return Place(shared=True)
    if isinstance(rule, Direct):
        hidden = data.get("accused_org_id") if data.get("whistleblower") else None
        return Place(
            village_id=data.get(rule.village),
            grid_id=data.get(rule.grid),
            protected_from=hidden,
            household_id=rule.household_of(record_id, data),
            county=county.reaches(table, data),
        )
    assert isinstance(rule, Parent)
    parent_id = data.get(rule.id_field)
    parent = (lookup or (lambda i: session.get(Record, i)))(parent_id) if parent_id else None
    if parent is None or parent.table_name != rule.parent_table(data):
        return None
    return Place(
        parent.shared,
        parent.village_id,
        parent.grid_id,
        parent_id,
        parent.protected_from,
        parent.household_id,
        bool(getattr(parent, "county", False)),
        getattr(parent, "township_id", None),
    )


@dataclass(frozen=True)
class DeviceScope:
    kind: str  # household / grid / village / township / county
    ids: frozenset[str]
    org_id: str | None = None  # the account's unit: whistleblower material about it never reaches this device
    # The township the account works in; every scope above nests inside it. None: a county account (issue
    # 29), which reads nothing through these conditions until the county's own rule says what it may.
    township_id: str | None = None

    def in_township(self, township_col):
        """The SQL condition for rows of this scope's township (first in every index a sync uses)."""
        return false() if self.township_id is None else township_col == self.township_id

    def covers(self, place: Place) -> bool:
        if place.protected_from is not None and place.protected_from == self.org_id:
            return False
        if self.kind == "township":
            return True
        if self.kind == "county":  # which shared records it may write: sync.server.county.check_write
            return place.shared or place.county
        if place.shared:
            return False  # reference data is read by all, written only township-wide
        return {"village": place.village_id, "grid": place.grid_id, "household": place.household_id}[
            self.kind
        ] in self.ids

    def readable(
        self,
        village_col,
        grid_col,
        household_col,
        shared_col=None,
        protected_col=None,
        county_col=None,
        township_col=None,
    ):
        """The SQL condition for rows this scope may read: its own villages, grids or households (a county's:
        the matters at county level, and all under them, in every township), and shared data, less what is
        hidden from its unit; with `township_col`, a township account's own township's rows only (shared data
        is shared within a township)."""
        hidden = true()
        if protected_col is not None and self.org_id:
            hidden = or_(protected_col.is_(None), protected_col != self.org_id)
        if township_col is not None and self.kind != "county":
            hidden = and_(self.in_township(township_col), hidden)
        if self.kind == "township":
            return hidden
        if self.kind == "county":
            own = county_col.is_(True) if county_col is not None else false()
            return and_(own if shared_col is None else or_(shared_col.is_(True), own), hidden)
        ids = list(self.ids)
        column = {"village": village_col, "grid": grid_col, "household": household_col}[self.kind]
        own = column.in_(ids) if ids else false()
        return and_(own if shared_col is None else or_(shared_col.is_(True), own), hidden)


# An ORM statement's execution option: not confined, because its caller keeps its own township's rows and
# drops the others from the session (a push's prefetch by id: with the township's condition, SQLite without
# statistics walks the township's index rather than looking the ids up).
EVERY_TOWNSHIP = "every_township"


def confine(session: Session, township_id: str | None) -> None:
    """Every ORM statement of this session on records sees only this township's rows: whatever a check of a
    push asks (a parent, a referenced record, a matter's steps, an account record by username), another
    township's record is as absent as an unknown id. A statement run with the `EVERY_TOWNSHIP` option is not
    touched: its caller sorts the rows by township itself (a push's prefetch, which must also learn which ids
    another township holds).

    A county account (None) is not confined here: what it may read is the county's rule, not a township's."""
    if township_id is None or session.info.get("township") == township_id:
        return
    if "township" in session.info:
        raise RuntimeError("a session serves one township: open another for another township")
    session.info["township"] = township_id
    only = with_loader_criteria(Record, Record.township_id == township_id, include_aliases=True)

    @event.listens_for(session, "do_orm_execute")
    def _only_this_township(state: ORMExecuteState) -> None:
        if state.execution_options.get(EVERY_TOWNSHIP):
            return  # its caller sorts the rows by township itself
        if state.is_select or state.is_update or state.is_delete:
            state.statement = state.statement.options(only)
