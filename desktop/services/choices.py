"""What a form's drop-down lists offer: the township's villages, grids, units, people, channels, categories
and grades, in one read, narrowed to the signed-in account's scope."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import select

from desktop.store.models import Account, Division, Grid, Org
from sync.core.domain.deadlines import GRADE_LABELS

from .context import Workspace, config_value

# Who may be sent work by name: the roles that handle matters.
HANDLER_ROLES = ("mediator", "grid_worker", "grid_leader")


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    parent_id: str | None = None  # a grid's village id; an org's kind; an account's roles
    village_id: str | None = None  # a village committee's village


@dataclass
class Places:
    """One object shared by the window's pages and forms; `take` refreshes it in place when the township's
    set-up changes, so every drop-down opened afterwards offers the new unit, grid or channel."""

    township: str
    villages: tuple[Place, ...]
    grids: tuple[Place, ...]
    orgs: tuple[Place, ...]  # Place(id="org:<id>", name, kind)
    people: tuple[Place, ...]  # Place(id="account:<id>", name, roles)
    channels: tuple[str, ...]
    categories: dict[str, Any]
    grades: tuple[tuple[int, str], ...] = ()  # (stars, label) from the township's own grade table

    def take(self, other: Places) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(other, f.name))


def places(ws: Workspace) -> Places:
    """Everything a form's drop-down lists need, in one read."""
    with ws.read() as s:
        live = Division.deleted.is_(False)
        township = s.execute(select(Division.name).where(Division.level == "township", live)).scalar() or ""
        villages = tuple(
            Place(i, n)
            for i, n in s.execute(
                select(Division.id, Division.name)
                .where(Division.level == "village", live)
                .order_by(Division.code, Division.name)
            )
        )
        grids = tuple(
            Place(i, n, v)
            for i, n, v in s.execute(
                select(Grid.id, Grid.name, Grid.village_id).where(Grid.deleted.is_(False)).order_by(Grid.name)
            )
        )
        # Work goes to its own tier's units and people (review: the county was offered the township's 村委会
        # and 司法所 for a county-level matter, where no township account can take a step).
        county = ws.actor.scope.kind == "county"
        orgs = tuple(
            Place(f"org:{i}", n, k, v)
            for i, n, k, v, level in s.execute(
                select(Org.id, Org.name, Org.kind, Org.village_id, Org.level)
                .where(Org.deleted.is_(False))
                .order_by(Org.kind, Org.name)
            )
            if (level == "county") == county
        )
        accounts = s.execute(
            select(Account.id, Account.display_name, Account.roles, Account.scope_kind)
            .where(Account.deleted.is_(False), Account.disabled.is_(False))
            .order_by(Account.username)
        )
        people = tuple(
            Place(f"account:{i}", n, r)
            for i, n, r, kind in accounts
            if any(role in r for role in HANDLER_ROLES) and (kind == "county") == county
        )
        channels = tuple(config_value(s, "channels", []))
        categories = dict(config_value(s, "categories", {}))
        policy = config_value(s, "deadline_policy") or {}
        grades = tuple((int(g["grade"]), str(g["label"])) for g in policy.get("grades", [])) or tuple(
            GRADE_LABELS.items()
        )
    scope = ws.actor.scope
    if scope.kind == "village":
        villages = tuple(v for v in villages if v.id in scope.ids)
    elif scope.kind == "grid":
        grids = tuple(g for g in grids if g.id in scope.ids)
        villages = tuple(v for v in villages if v.id in {g.parent_id for g in grids})
    return Places(township, villages, grids, orgs, people, channels, categories, grades)
