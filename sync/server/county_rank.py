"""The county's ranking of its townships from the server (issue 29, 月通报、季排名): for a closed month, each
township's published figures — its total row (全镇合计) made from the village section of the month it closed,
with the measures and score the township's own report gives it (sync.core.domain.measures) — ranked by
score; a township that has not closed the period is listed last, unranked (未月结); and the county's total.

A quarter ("2026-Q4") is made from its three closed months as a township laptop combines them
(desktop.services.periods.combined): each month's counts as published plus the adjustments it carried, summed,
the measures and score made from the sums with the last month's weights; a township is ranked only when all
three months are closed. Only published figures are read (the period records), never the townships' records:
one query on the periods of every township, whatever the county's size."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.core.domain import periods as rules
from sync.core.domain.county_ranking import (  # noqa: F401 (the ranking's names, read from here as before)
    COLUMNS,
    UNCLOSED,
    Ranking,
    Row,
    carried,
    lines,
    months_of,
    rank_townships,
    village_total,
    write_xlsx,
)
from sync.core.domain.county_ranking import Township as Named

from .models import Record, Township

BY = ("township",)  # what the server ranks by (a county unit's ranking is the county laptop's)


def published(
    session: Session, townships: list[str], months: tuple[str, ...]
) -> dict[str, dict[str, dict[str, Any]]]:
    """Each township's published figures of these months: township id → month → figures. A record whose
    digest does not match its figures is left out (it is not what was published). Asked by township and
    table (ix_records_township_table): the periods alone, never a scan of the townships' records."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    query = select(Record.township_id, Record.data).where(
        Record.township_id.in_(townships),
        Record.table_name == "periods",
        Record.deleted.is_(False),
        Record.data["month"].as_string().in_(months),  # not the rest of the year's figures
    )
    for township_id, data in session.execute(query):
        month = str(data.get("month"))
        if township_id and month in months and rules.record_problem(data) is None:
            found.setdefault(township_id, {})[month] = dict(data["figures"])
    return found


def ranking(session: Session, period: str, by: str = "township") -> Ranking:
    if by not in BY:
        raise ValueError(f"排名依据（--by）：服务器只按乡镇排名（township），不能按“{by}”")
    months = months_of(period)
    every = list(session.scalars(select(Township).order_by(Township.name)))
    held = published(session, [t.id for t in every], months)
    return rank_townships(period, [Named(t.id, t.name, t.code or "") for t in every], held)
