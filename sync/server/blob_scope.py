"""Who may read an attachment file (issue 26). Knowing a file's hash is not enough: a device could name
another grid's file in an attachment of its own and download it. A file is readable by a device that sent
its bytes itself (a holder), or through an attachment in the device's scope that a holder wrote. A device
whose own attachment names a file it never sent may only prove it has the bytes by sending them again."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Account, BlobHolder, Device, Record
from .scope import DeviceScope


@dataclass(frozen=True)
class Standing:
    """What a device is to one file."""

    held: bool  # it sent the bytes itself
    seen: bool  # an attachment in its scope names the file, written by a holder
    own: bool  # an attachment in its scope names the file, written by the device itself
    named: bool  # some attachment in its scope names the file

    @property
    def readable(self) -> bool:
        return self.held or self.seen


def holders(session: Session, sha: str) -> set[str]:
    return set(session.scalars(select(BlobHolder.device_id).where(BlobHolder.sha256 == sha)))


def in_township(session: Session, sha: str, township_id: str | None) -> bool:
    """Some device of this township sent the file's bytes. Files are one space for the server (named by
    their hash), but what a township's device is answered of one is its township's: a file only another
    township sent is, to it, a file not uploaded yet (its size is not told). A county device (no township)
    works across the townships: not confined here."""
    if township_id is None:
        return True
    query = (
        select(BlobHolder.device_id)
        .join(Device, Device.id == BlobHolder.device_id)
        .join(Account, Account.id == Device.account_id)
        .where(BlobHolder.sha256 == sha, Account.township_id == township_id)
        .limit(1)
    )
    return session.scalar(query) is not None


def hold(session: Session, sha: str, device_id: str) -> None:
    """This device sent the file's bytes (the whole, checked against its hash)."""
    if session.get(BlobHolder, (sha, device_id)) is None:
        session.add(BlobHolder(sha256=sha, device_id=device_id))


def standing(session: Session, scope: DeviceScope, device_id: str, sha: str) -> Standing:
    held = holders(session, sha)
    readable = scope.readable(
        Record.village_id,
        Record.grid_id,
        Record.household_id,
        Record.shared,
        Record.protected_from,
        Record.county,
        Record.township_id,  # a file is read through its own township's attachments only
    )
    naming = select(Record.field_device, Record.updated_device).where(
        Record.blob == sha, Record.deleted.is_(False), readable
    )
    seen = own = named = False
    for field_device, updated_device in session.execute(naming):
        named = True
        # The device that put the hash in the attachment (a later edit of its other fields does not count).
        wrote = (field_device or {}).get("sha256") or updated_device
        seen = seen or wrote in held
        own = own or wrote == device_id
    return Standing(held=device_id in held, seen=seen, own=own, named=named)
