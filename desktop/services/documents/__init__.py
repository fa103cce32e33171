"""The township's papers, made from a matter's own records: the use cases the window and the command line
(`fengqiao print`) call.

Making a paper is audited (it may carry full ID numbers). The package's modules: `templates` (the township's
wording), `records` (what a paper is assembled from, and the refusal naming what is missing), `papers` (the
seven papers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.store.models import Matter
from desktop.store.queries import visible_clause
from sync.core.domain.lifecycle import Action
from sync.core.domain.linkage import PAPER_LABELS
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from ..context import Workspace
from ..document_layout import Document, zh
from ..errors import ServiceError
from ..lists import viewer_of
from . import petition_papers
from .dossier import PETITION_TITLE, dossier
from .papers import BUILDERS as PAPERS
from .papers import PERSONAL
from .records import CLOSED, TITLES, Records, day

# The package's face for its callers: the refusal `make` raises, and the templates' use cases (settings page).
from .records import MissingItems as MissingItems
from .templates import TEMPLATE_LABELS as TEMPLATE_LABELS
from .templates import default_templates as default_templates
from .templates import read_templates as read_templates
from .templates import save_templates as save_templates
from .templates import template_notices as template_notices

# What `fengqiao print --doc` and the window offer ("agreement" is the registration of an oral one).
KINDS: tuple[str, ...] = ("agreement", "record", "followup", "dispatch", "supervision", "dossier", "referral")
# 信访 papers (受理 / 不予受理 / 转送告知书, 书面答复 / 复查 / 复核意见书), kept in a module of their own
KINDS += petition_papers.KINDS
BUILDERS = {**PAPERS, "dossier": dossier, **petition_papers.BUILDERS}


@dataclass(frozen=True)
class Offer:
    """A paper this matter can print now: the kind, its title, and which one (a session's record)."""

    kind: str
    title: str
    index: int = 0


def make(ws: Workspace, matter_id: str, kind: str, index: int = 0) -> Document:
    """One paper of one matter, from its records now; audited. Refused with `MissingItems` naming what the
    records lack."""
    if kind not in BUILDERS:
        raise ServiceError(msg("未知的文书“{0}”（可选：{1}）", kind, "、".join(KINDS)))
    ws.require(Permission.REVEAL_PERSONAL if kind in PERSONAL else Permission.VIEW_MATTERS)
    with ws.tx("document.make", matter_id, doc=kind, index=index) as tx:
        records = Records(ws, tx.session, matter_id)
        document = BUILDERS[kind](records, index)
        document.notices += records.notices
        return document


def closed_between(ws: Workspace, start: datetime, end: datetime) -> list[tuple[str, str]]:
    """(id, serial) of the matters this account sees that were closed in [start, end): a month's dossiers."""
    ws.require(Permission.REVEAL_PERSONAL)
    with ws.read() as s:
        rows = s.execute(
            select(Matter.id, Matter.serial)
            .where(
                visible_clause(viewer_of(ws)),
                Matter.deleted.is_(False),
                Matter.status.in_([str(x) for x in CLOSED]),
                Matter.closed_at >= start,
                Matter.closed_at < end,
            )
            .order_by(Matter.serial)
        ).all()
    return [(r.id, r.serial) for r in rows]


def offers(ws: Workspace, matter_id: str) -> list[Offer]:
    """The papers this matter has the records for, as the window's print menu lists them."""
    ws.require(Permission.VIEW_MATTERS)
    with ws.read() as s:
        r = Records(ws, s, matter_id)
        found = []
        versions = r.versions() if ws.may(Permission.REVEAL_PERSONAL) else []
        for i, a in enumerate(versions):  # newest first: the one in effect, then those 变更协议 replaced
            title, number = TITLES["oral" if a.form == "oral" else "agreement"], len(versions) - i
            if len(versions) > 1:
                title = (
                    zh("{0}（第{1}版，现行）", title, number)
                    if i == 0
                    else zh("{0}（第{1}版，已变更，被第{2}版取代）", title, number, number + 1)
                )
            found.append(Offer("agreement", title, i))
        found += [
            Offer("record", zh("{0}（第{1}次，{2}）", TITLES["record"], i + 1, day(x.held_on)), i)
            for i, x in enumerate(r.sessions)
        ]
        found += [Offer("dispatch", TITLES["dispatch"])] if r.last_event(Action.DISPATCH) else []
        found += [Offer("supervision", TITLES["supervision"])] if r.last_event(Action.SUPERVISE) else []
        found += [Offer("followup", TITLES["followup"])] if r.follow_ups else []
        if r.matter.referral_result:  # 三调联动: the 回复函 / 反馈单 back to the court or the station
            found.append(Offer("referral", PAPER_LABELS.get(r.matter.referral_kind or "", "")))
        found += [Offer(kind, title) for kind, title in petition_papers.offered(r)]
        if r.matter.status in CLOSED and ws.may(Permission.REVEAL_PERSONAL):
            petition = r.matter.kind == "petition"  # a petition's file is titled as one
            found.append(Offer("dossier", PETITION_TITLE if petition else TITLES["dossier"]))
        return found
