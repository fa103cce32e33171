"""The townships one server holds (issue 29): adding, renaming and listing them, and finding the one a command
names. Every per-township row names its township; which township a device works in is its account's."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.core import protocol as p

from .admin_errors import AdminError
from .models import Account, Device, Record, Township

CODE = re.compile(r"\d{12}")
NAME_LIMIT, SHORT_LIMIT = 50, 20  # the table's columns
# The first township of a server that never learned its own name (migration 0008 uses the same words).
PLACEHOLDER = "本镇（待命名）"


def _checked(name: str, code: str | None, short_name: str) -> tuple[str, str | None, str]:
    name, short_name = name.strip(), short_name.strip()
    if not name:
        raise AdminError("乡镇名称（name）：不能为空")
    if len(name) > NAME_LIMIT:
        raise AdminError(f"乡镇名称（name）：最多 {NAME_LIMIT} 个字，这里有 {len(name)} 个")
    if len(short_name) > SHORT_LIMIT:
        raise AdminError(f"简称（--short-name）：最多 {SHORT_LIMIT} 个字，这里有 {len(short_name)} 个")
    if code is not None:
        code = code.strip()
        if not CODE.fullmatch(code):
            raise AdminError(f"区划代码（--code）：应为 12 位数字的统计用区划代码，而不是“{code}”")
    return name, code, short_name


def _unique(session: Session, name: str, code: str | None, but: str | None = None) -> None:
    others = select(Township).where(Township.id != but) if but else select(Township)
    if session.scalar(others.where(Township.name == name)) is not None:
        raise AdminError(f"乡镇名称（name）：已有名为“{name}”的乡镇")
    if code is not None and session.scalar(others.where(Township.code == code)) is not None:
        raise AdminError(f"区划代码（--code）：{code} 已属于另一个乡镇")


def add(session: Session, name: str, code: str | None, short_name: str = "", *, now: datetime) -> Township:
    """A new township. `code` may be None only for the placeholder a server makes for itself."""
    name, code, short_name = _checked(name, code, short_name)
    _unique(session, name, code)
    township = Township(id=str(uuid.uuid4()), code=code, name=name, short_name=short_name, created_at=now)
    session.add(township)
    session.flush()
    return township


def change(
    session: Session, township: Township, *, name: str | None, code: str | None, short_name: str | None
) -> dict:
    """Rename a township or set its code or short name; what changed, old and new, for the audit trail."""
    new_name, new_code, new_short = _checked(
        township.name if name is None else name,
        township.code if code is None else code,
        township.short_name if short_name is None else short_name,
    )
    _unique(session, new_name, new_code, but=township.id)
    changed = {
        field: [getattr(township, field), value]
        for field, value in (("name", new_name), ("code", new_code), ("short_name", new_short))
        if getattr(township, field) != value
    }
    township.name, township.code, township.short_name = new_name, new_code, new_short
    return changed


def all_of(session: Session) -> list[Township]:
    return list(session.scalars(select(Township).order_by(Township.created_at, Township.name)))


def named(session: Session, given: str | None) -> Township:
    """The township a command means: by name, short name, code or id; left out, the server's only one.
    Refused with the choices otherwise."""
    townships = all_of(session)
    choices = "、".join(f"{t.name}（{t.code or '代码未设'}）" for t in townships) or "（还没有乡镇）"
    if not given or not given.strip():
        if len(townships) == 1:
            return townships[0]
        if not townships:
            raise AdminError("服务器上还没有乡镇：先用 `fengqiao-server township add 名称 --code 代码` 添加")
        raise AdminError(f"乡镇（--township）：服务器上有多个乡镇，请指明其一：{choices}")
    given = given.strip()
    found = [
        t for t in townships if given in (t.id, t.code, t.name) or (t.short_name and given == t.short_name)
    ]
    if len(found) != 1:
        raise AdminError(f"乡镇（--township）：没有名为“{given}”的乡镇（可选：{choices}）")
    return found[0]


def for_new_account(session: Session, given: str | None, now: datetime) -> Township:
    """The township of an account being added: the one named, or the only one; a server with none yet (a new
    one-township server, which has never been told its name) makes its placeholder first."""
    if (not given or not given.strip()) and not all_of(session):
        return add(session, PLACEHOLDER, None, now=now)
    return named(session, given)


@dataclass(frozen=True)
class Row:
    township: Township
    accounts: int
    devices: int
    records: int

    @property
    def placeholder(self) -> bool:
        return self.township.name == PLACEHOLDER or self.township.code is None


def listing(session: Session) -> list[Row]:
    """Each township with its accounts, active devices and live records (one grouped count each)."""
    accounts = dict(
        session.execute(select(Account.township_id, func.count()).group_by(Account.township_id)).all()
    )
    devices = dict(
        session.execute(
            select(Account.township_id, func.count())
            .join(Device, Device.account_id == Account.id)
            .where(Device.revoked_at.is_(None))
            .group_by(Account.township_id)
        ).all()
    )
    records = dict(
        session.execute(
            select(Record.township_id, func.count())
            .where(Record.deleted.is_(False))
            .group_by(Record.township_id)
        ).all()
    )
    return [
        Row(t, accounts.get(t.id, 0), devices.get(t.id, 0), records.get(t.id, 0)) for t in all_of(session)
    ]


def info(session: Session, township_id: str | None) -> p.TownshipInfo | None:
    """What the handshake tells a laptop of its township."""
    township = session.get(Township, township_id) if township_id else None
    if township is None:
        return None
    return p.TownshipInfo(
        id=township.id, name=township.name, code=township.code or "", short_name=township.short_name
    )
