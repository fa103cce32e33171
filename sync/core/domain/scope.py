"""Who sees which record, decided once: the part of the township an account works on (some households for a
联户长, grids, villages, or all of it) and which matters a viewer sees.

A decision is a `Condition` on a record's fields, plain data. `holds` answers it for one record here; the
laptop's store turns the same condition into its SQL (desktop.store.queries.condition_clause), so a list and a
check of one record cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sync.core.domain.lifecycle import Status
from sync.core.domain.messages import msg

# ------------------------------------------------------------------------------------------ conditions


@dataclass(frozen=True)
class Among:
    """The record's `field` holds one of `values` (never None: an empty field is among nothing)."""

    field: str
    values: frozenset[object]

    def __post_init__(self) -> None:
        if None in self.values:
            raise ValueError(msg("条件的取值不能为空：{0}", self.field))


@dataclass(frozen=True)
class AllOf:
    """Every term holds; with no terms, always (`EVERYTHING`)."""

    terms: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    """At least one term holds; with no terms, never."""

    terms: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    term: Condition


Condition = Among | AllOf | AnyOf | Not
EVERYTHING: Condition = AllOf(())


def among(name: str, *values: object) -> Among:
    return Among(name, frozenset(values))


def holds(condition: Condition, record: Mapping[str, object]) -> bool:
    """Whether a record, given as its fields' values, meets the condition."""
    if isinstance(condition, Among):
        return record.get(condition.field) in condition.values
    if isinstance(condition, AllOf):
        return all(holds(term, record) for term in condition.terms)
    if isinstance(condition, AnyOf):
        return any(holds(term, record) for term in condition.terms)
    return not holds(condition.term, record)


# ------------------------------------------------------------------------------------------ scope

SCOPE_KINDS = ("household", "grid", "village", "township", "county")
SCOPE_LABELS = {
    "household": "联系的住户",
    "grid": "网格",
    "village": "村（社区）",
    "township": "全镇",
    "county": "县级（提级和交办的事项）",
}


@dataclass(frozen=True)
class Scope:
    kind: str = "township"  # household / grid / village / township / county
    ids: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.kind not in SCOPE_KINDS:
            raise ValueError(
                msg("范围类型应为 household、grid、village、township 或 county，而不是“{0}”", self.kind)
            )

    def condition(self) -> Condition:
        """The records in scope, by the place fields a record carries: village_id, grid_id, household_id (a
        household's own id stands for its household_id)."""
        if self.kind in ("township", "county"):  # a county laptop holds only what the server sent it
            return EVERYTHING
        return Among(f"{self.kind}_id", frozenset(self.ids))

    def covers(self, village_id: str | None, grid_id: str | None, household_id: str | None = None) -> bool:
        place = {"village_id": village_id, "grid_id": grid_id, "household_id": household_id}
        return holds(self.condition(), place)


# ------------------------------------------------------------------------------------------ matters


@dataclass(frozen=True)
class Viewer:
    """Who is looking at matters, as far as seeing them goes."""

    scope: Scope
    handler_keys: frozenset[str] = frozenset()  # "account:<id>", "org:<id>": who handles a matter
    account_id: str | None = None
    org_id: str | None = None
    is_mediator: bool = False

    def sees_matters(self) -> Condition:
        """The matters in scope, those this viewer reported or handles (itself, its team, its unit) and, for a
        mediator, those open for claim; but never whistleblower material about the viewer's own unit."""
        own: list[Condition] = [self.scope.condition()]
        if self.account_id is not None:
            own.append(among("reported_by", self.account_id))
        if self.handler_keys:
            own.append(Among("handler", frozenset(self.handler_keys)))
        if self.is_mediator:
            own.append(among("status", str(Status.OPEN_FOR_CLAIM)))
        seen: Condition = AnyOf(tuple(own))
        if self.org_id is None:
            return seen
        accusing_mine = AllOf((among("whistleblower", True), among("accused_org_id", self.org_id)))
        return AllOf((seen, Not(accusing_mine)))

    def sees(self, matter: Mapping[str, object]) -> bool:
        return holds(self.sees_matters(), matter)
