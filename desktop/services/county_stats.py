"""The county laptop's figures (issue 29): its townships ranked from the months they closed, and its own units
(法院, 公安局 …) counted over the matters the county dispatched to them.

By township the county laptop holds what the server ranks from: every township's closed months (periods
records), each tagged with its township by the pull (desktop.store.models.RecordTownship), named by the list
the handshake gave (sync_state "townships"). The arithmetic is sync.core.domain.county_ranking's, the same the
server's `fengqiao-server assessment --by township` runs, so the two never disagree.

By unit the county's own matters are counted by the township's rules (sync.core.domain.counting, by="unit"),
and only the county's units (Org.level "county") are kept: the township's units it also receives are the
townships' to rank."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from desktop.store.models import Org, Period, RecordTownship, SyncState
from sync.core.domain import periods as rules
from sync.core.domain.counting import UnitMeasures, with_highlights
from sync.core.domain.county_ranking import Ranking, Township, months_of, rank_townships
from sync.core.domain.measures import Counts, Measures, score
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from . import stats
from .context import Workspace, config_value
from .errors import ServiceError

BY = ("township", "unit")
BY_LABELS = {"township": "乡镇", "unit": "县直单位"}


class NotCounty(ServiceError):
    """A ranking by township asked of a laptop that is not the county's."""


def is_county(ws: Workspace) -> bool:
    return ws.actor.scope.kind == "county"


def require_county(ws: Workspace) -> None:
    if not is_county(ws):
        raise NotCounty(msg("按乡镇排名需要县级账号（县综治中心）：本机登录的是乡镇的账号"))


def townships(ws: Workspace) -> list[Township]:
    """The server's townships as the county account's handshake named them (empty before the first sync)."""
    with ws.read() as s:
        row = s.get(SyncState, "townships")
        named = row.value if row is not None and isinstance(row.value, list) else []
    return [
        Township(str(t["id"]), str(t.get("name") or t["id"]), str(t.get("code") or ""))
        for t in named
        if isinstance(t, dict) and t.get("id")
    ]


def township_names(ws: Workspace) -> dict[str, str]:
    """Township id → name, for the desk's and ledger's 乡镇 column."""
    return {t.id: t.name for t in townships(ws)}


def record_townships(ws: Workspace, table: str) -> dict[str, str]:
    """Record id → the township's name, for one table's records this laptop was told the township of."""
    names = township_names(ws)
    with ws.read() as s:
        rows = s.execute(
            select(RecordTownship.record_id, RecordTownship.township_id).where(
                RecordTownship.table_name == table
            )
        ).all()
    return {record_id: names.get(township_id, "") for record_id, township_id in rows}


def by_township(ws: Workspace, period: str) -> Ranking:
    """The townships ranked for a closed month or quarter, from the months they published."""
    require_county(ws)
    ws.require(Permission.VIEW_MATTERS)
    months = set(months_of(period))
    held: dict[str, dict[str, dict[str, Any]]] = {}
    with ws.read() as s:
        rows = s.execute(
            select(RecordTownship.township_id, Period.month, Period.figures, Period.digest)
            .join(RecordTownship, RecordTownship.record_id == Period.id)
            .where(Period.deleted.is_(False), Period.month.in_(months))
        ).all()
    for township_id, month, figures, digest in rows:
        # only what was published: a record whose figures no longer match its digest is left out
        if rules.record_problem({"month": month, "figures": figures, "digest": digest}) is None:
            held.setdefault(township_id, {})[month] = dict(figures or {})
    return rank_townships(period, townships(ws), held)


def by_unit(ws: Workspace, period: str) -> list[UnitMeasures]:
    """The county's own units, counted over the county's matters in the period by the township's rules."""
    require_county(ws)
    start, end = stats.period_bounds(period)
    units = stats.assessment(ws, start, end, "unit")
    with ws.read() as s:
        county_units: dict[str, str] = dict(
            s.execute(
                select(Org.id, Org.name)
                .where(Org.level == "county", Org.deleted.is_(False))
                .order_by(Org.name)
            ).all()
        )
        weights = config_value(s, "assessment_weights")
        no_data = config_value(s, "assessment_no_data", "rescale")
    # ranked again among the county's units alone (the township units it also holds take no place here);
    # a county unit given nothing this period is listed with nothing, as the county's report names them all
    kept = [u for u in units if u.key in county_units]
    listed = {u.key for u in kept}
    empty = Measures.of(Counts())
    kept += [
        UnitMeasures(key, name, Counts(), empty, score(empty, weights, no_data))
        for key, name in county_units.items()
        if key not in listed
    ]
    return with_highlights(kept, {u.key: u.highlight for u in kept})
