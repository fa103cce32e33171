"""The laptop side of sync: handshake, push the outbox, pull pages, verify counts, move attachment files, and
the same exchange through offline bundles. It drives a `LocalStore` that the desktop implements over its
encrypted database, so this package needs nothing of the desktop's code.

Every step is "server commits, then laptop records": a crash at any point leads to a resend answered from the
server's stored results, or to a page fetched again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

from .core import bundle, records
from .core import protocol as p
from .transport import Refused, SyncError, Transport

PUSH_BATCH = 500  # ~50 kB gzip of matters: one slow-link request stays short, a first push takes few
PULL_PAGE = 500  # a pull's first page; then larger while pages come quickly, up to the server's limit
FAST_PAGE_SECONDS = 1.0  # a page fetched faster doubles the next (fewer requests and transactions)
SLOW_PAGE_SECONDS = 4.0  # a page slower halves it (a dropped link loses less)
CHUNK = 256 * 1024
CLOCK_WARNING_SECONDS = 5 * 60
# How often the counts per record type are compared with the server's. Counting reads every record of the
# scope on both ends, so it is not done on every sync (a day's sync would cost what the township holds): on
# the first pull, after the server was restored (a new epoch), after a comparison that could not be made,
# and otherwise once in this many seconds.
VERIFY_EVERY_SECONDS = 6 * 3600

Progress = Callable[[str, int, int], None]


class LocalStore(Protocol):
    """What the sync needs from the laptop's database. Each method is one transaction."""

    def get_state(self, key: str, default=None): ...
    def set_state(self, **values) -> None: ...
    def schema_version(self) -> str: ...
    def pending_ops(self, limit: int, after: int = -1) -> list[p.Op]: ...  # ops numbered after `after`
    def pending_count(self) -> int: ...
    def record_results(self, results: list[p.OpResult]) -> None: ...
    def apply_page(
        self, changes: list[p.Change], cursor: int | None
    ) -> int: ...  # returns how many it skipped
    def prepare_reset(self, epoch: str) -> None: ...
    def local_counts(self) -> dict[str, int]: ...
    def keep_only(self, table: str, ids: set[str]) -> int: ...
    def files_to_upload(self) -> list[tuple[str, Path, int]]: ...
    def read_file(self, sha: str, path: Path) -> bytes: ...  # the plain bytes (the laptop may seal at rest)
    def keep_file(self, sha: str, part: Path, target: Path) -> None: ...  # store a checked download
    def mark_uploaded(self, sha: str) -> None: ...
    def files_to_download(self) -> list[tuple[str, int, Path]]: ...
    def mark_present(self, sha: str) -> None: ...


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    removed: int = 0
    repulled_tables: list[str] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)  # record types a pull changed here: what screens re-read
    skipped: int = 0  # pulled records this laptop could not store (remembered with their reasons)
    uploaded: int = 0
    downloaded: int = 0
    reset: bool = False
    clock_offset_seconds: float = 0.0
    bytes_sent: int = 0
    bytes_received: int = 0
    round_trips: int = 0

    def took(self, changes: list[p.Change], skipped: int = 0, *, counted: bool = True) -> None:
        """Count an applied page of changes (a re-pull's pages only as news for the screens and skips)."""
        if counted:
            self.pulled += sum(not c.removed for c in changes)
            self.removed += sum(c.removed for c in changes)
        self.skipped += skipped
        self.tables.update(c.table for c in changes)

    @property
    def clock_warning(self) -> bool:
        return abs(self.clock_offset_seconds) > CLOCK_WARNING_SECONDS


class SyncClient:
    def __init__(
        self,
        local: LocalStore,
        transport: Transport,
        *,
        now: Callable[[], datetime] = datetime.now,
        progress: Progress | None = None,
    ):
        self.local = local
        self.transport = transport
        self.page_size = PULL_PAGE
        self.counted: p.Counts | None = None  # the counts the last pull's last page brought
        self.verify_every = VERIFY_EVERY_SECONDS
        self.verifying = True  # during a sync: whether this one compares counts (see VERIFY_EVERY_SECONDS)
        self.greeted: p.Welcome | None | bool = True  # during a sync: None until the handshake is answered
        self.repull = False  # during a sync: the handshake asked for the scope's pull from the start
        self.now = now
        self.progress = progress or (lambda stage, done, total: None)

    # ------------------------------------------------------------------------------------------ set-up

    def register(self, username: str, password: str, device_name: str = "") -> p.AccountInfo:
        """First contact: the account's credentials buy this device a revocable token."""
        request = p.Register(
            username=username,
            password=password,
            device_id=self.local.get_state("device_id"),
            device_name=device_name,
        )
        answer = p.Registered.model_validate(
            self.transport.call("POST", "/v1/register", body=request.model_dump())
        )
        self.local.set_state(
            server_url=self.transport.base_url,
            device_token=answer.token,
            bundle_key=answer.bundle_key,
            account=answer.account.model_dump(),
        )
        self.transport.token = answer.token
        return answer.account

    # ----------------------------------------------------------------------------------------- the whole sync

    def sync(self) -> SyncReport:
        """Push, pull, verify. The handshake rides on the first push or pull (protocol 2): a day's sync is two
        round trips; a server that does not answer it that way gets the handshake on its own."""
        report = SyncReport()
        self.greeted = None
        self.repull = False
        self.verifying = self._verify_due()
        self.push(report)
        self.pull(report)
        if self.greeted is None:
            self.hello(report)
            if self.repull:  # the handshake came apart from the pull: the pull again, from the start
                self.repull = False
                self.pull(report)
        self.verify(report, self.local.get_state("epoch"))
        self.move_files(report)
        report.bytes_sent, report.bytes_received = self.transport.bytes_sent, self.transport.bytes_received
        report.round_trips = self.transport.round_trips
        self.local.set_state(
            last_sync=self.now().isoformat(timespec="seconds"),
            last_error=None,
            clock_offset_seconds=report.clock_offset_seconds,
        )
        return report

    def _verify_due(self) -> bool:
        """Whether this sync compares counts: never compared, nothing pulled yet, or the last comparison is
        older than `verify_every` (or in the future: a clock set back)."""
        last = self.local.get_state("verified_at")
        if not last or not self.local.get_state("cursor", 0):
            return True
        try:
            age = (self.now() - datetime.fromisoformat(last)).total_seconds()
        except (TypeError, ValueError):
            return True
        return not 0 <= age < self.verify_every

    def _hello(self) -> p.Hello:
        return p.Hello(schema_version=self.local.schema_version(), device_time=self.now())

    def hello(self, report: SyncReport) -> p.Welcome:
        self.progress("hello", 0, 1)
        welcome = p.Welcome.model_validate(
            self.transport.call("POST", "/v1/hello", body=self._hello().model_dump(mode="json"))
        )
        self._greet(welcome, report)
        return welcome

    def _greet(self, welcome: p.Welcome | None, report: SyncReport) -> None:
        if welcome is None:
            return
        if welcome.update_required:
            raise Refused(welcome.message or "客户端版本过旧，请先升级")
        report.clock_offset_seconds = welcome.clock_offset_seconds
        self._adopt_epoch(welcome.epoch, report)
        account = welcome.account.model_dump()
        if self.local.get_state("account") != account:  # a write (and its wait for the disk) only on a change
            self.local.set_state(account=account)
        # the township's server id names this laptop's closed months (periods.period_id); kept when a server
        # older than issue 29 says nothing of it
        township = welcome.township.model_dump() if welcome.township is not None else None
        if township is not None and self.local.get_state("township") != township:
            self.local.set_state(township=township)
        # a county account's: the server's townships, to name the township each pulled record carries
        named = [t.model_dump() for t in welcome.townships]
        if named and self.local.get_state("townships") != named:
            if self.local.get_state("townships") is None and self.local.get_state("cursor", 0):
                # A county laptop that pulled before the pull carried townships knows none of its records'
                # townships: it pulls its scope again from the start (what it holds is skipped, not rewritten;
                # each change names its township).
                self.local.set_state(cursor=0)
                self.repull = True
            self.local.set_state(townships=named)
        self.greeted = welcome

    def _adopt_epoch(self, epoch: str, report: SyncReport) -> None:
        known = self.local.get_state("epoch")
        if known is None:
            self.local.set_state(epoch=epoch)
        elif known != epoch:
            # The server was restored from a backup: re-pull everything, re-push what it may have lost.
            self.local.prepare_reset(epoch)
            report.reset = True
            self.verifying = True  # a restored server: what this laptop holds is compared after the re-pull

    def push(self, report: SyncReport) -> None:
        """Batches go one after another (the server applies a device's ops in order), but while the server
        works on one, the laptop records the answer to the one before and reads the next from its outbox."""
        total = self.local.pending_count()
        ops = self.local.pending_ops(PUSH_BATCH)
        unrecorded: list[p.OpResult] = []
        with ThreadPoolExecutor(1, thread_name_prefix="push") as wire:
            while ops:
                self.progress("push", report.pushed, total)
                hello = self._hello() if self.greeted is None else None
                request = p.PushRequest(
                    epoch=self.local.get_state("epoch"), ops=ops, hello=hello, protocol=p.PROTOCOL_VERSION
                )
                body = request.model_dump(mode="json", exclude_defaults=True)
                sent = wire.submit(self.transport.call, "POST", "/v1/push", body=body)
                self._record(unrecorded, report)
                following = self.local.pending_ops(PUSH_BATCH, after=ops[-1].op_seq)
                answer = p.PushResponse.model_validate(sent.result())
                self._greet(answer.welcome, report)
                if answer.reset:
                    self._adopt_epoch(answer.epoch, report)
                    ops = self.local.pending_ops(PUSH_BATCH)
                    continue
                unrecorded = p.expand_results(ops, answer.applied, answer.results)
                ops = following
        self._record(unrecorded, report)
        self.progress("push", report.pushed, total)

    def _record(self, results: list[p.OpResult], report: SyncReport) -> None:
        if results:
            self.local.record_results(results)
            self._count(report, results)
            results.clear()

    @staticmethod
    def _count(report: SyncReport, results: list[p.OpResult]) -> None:
        report.pushed += len(results)
        report.applied += sum(r.status == "applied" for r in results)
        report.conflicts += sum(r.status == "conflict" for r in results)
        report.rejected += sum(r.status == "rejected" for r in results)

    def _page(self, cursor: int, table: str | None = None, epoch: str | None = None) -> p.PullPage:
        """A page after the cursor; `epoch` is given when fetched ahead (the other thread reads no
        database)."""
        params = {
            "cursor": cursor,
            "limit": self.page_size,
            "epoch": epoch or self.local.get_state("epoch"),
            "protocol": p.PROTOCOL_VERSION,
        }
        if table:
            params["table"] = table
        elif not self.verifying:
            params["counts"] = "false"  # the last page need not count the scope (the server's costliest read)
        if self.greeted is None:  # the handshake, with the first page
            hello = self._hello()
            params.update(device_time=hello.device_time.isoformat(), schema_version=hello.schema_version)
        started = time.monotonic()
        page = p.PullPage.model_validate(self.transport.call("GET", "/v1/pull", params=params))
        self._pace(time.monotonic() - started)
        return page

    def _pace(self, seconds: float) -> None:
        """The next page's size, from how long this one took to arrive."""
        if seconds < FAST_PAGE_SECONDS:
            self.page_size = min(self.page_size * 2, p.MAX_PULL_PAGE)
        elif seconds > SLOW_PAGE_SECONDS:
            self.page_size = max(self.page_size // 2, min(PULL_PAGE, 100))

    def pull(self, report: SyncReport) -> None:
        """While the laptop applies a page, the next one is already being fetched."""
        self.page_size = PULL_PAGE
        with ThreadPoolExecutor(1, thread_name_prefix="pull") as wire:
            page = None
            while True:
                self.progress("pull", report.pulled, 0)
                page = page or self._page(self.local.get_state("cursor", 0))
                self._greet(page.welcome, report)
                if self.repull:
                    self.repull = False
                    page = None
                    continue
                if page.reset:
                    self._adopt_epoch(page.epoch, report)
                    self.push(report)
                    page = None
                    continue
                ahead = wire.submit(self._page, page.cursor, None, page.epoch) if page.more else None
                report.took(page.changes, self.local.apply_page(page.changes, page.cursor))
                if ahead is None:
                    break
                page = ahead.result()
        self.counted = (
            p.Counts(epoch=page.epoch, cursor=page.cursor, counts=page.counts)
            if page.counts is not None
            else None
        )

    def verify(self, report: SyncReport, epoch: str) -> None:
        """Compare counts per record type with the server's; re-pull a type that disagrees."""
        if not self.verifying:
            return
        self.progress("verify", 0, 1)
        counts = self.counted  # brought by the pull's last page (protocol 2)
        if counts is None or counts.cursor != self.local.get_state("cursor", 0):
            counts = p.Counts.model_validate(self.transport.call("GET", "/v1/counts"))
        if counts.epoch != epoch or counts.cursor != self.local.get_state("cursor", 0):
            return  # someone synced meanwhile; the next sync compares
        local = self.local.local_counts()
        for table in records.TABLES:
            if local.get(table, 0) != counts.counts.get(table, 0):
                self._repull(table, report)
                report.repulled_tables.append(table)
        self.local.set_state(verified_at=self.now().isoformat(timespec="seconds"))

    def _repull(self, table: str, report: SyncReport) -> None:
        seen, cursor = set(), 0
        while True:
            page = self._page(cursor, table)
            report.took(page.changes, self.local.apply_page(page.changes, None), counted=False)
            report.tables.add(table)
            seen.update(c.id for c in page.changes if not c.removed)
            cursor = page.cursor
            if not page.more:
                break
        self.local.keep_only(table, seen)

    # ------------------------------------------------------------------------------------------ files

    def move_files(self, report: SyncReport) -> None:
        """Records never wait for their files: a file that cannot move now moves next time."""
        uploads = self.local.files_to_upload()
        for i, (sha, path, size) in enumerate(uploads):
            self.progress("upload", i, len(uploads))
            if self.upload(sha, path, size):
                self.local.mark_uploaded(sha)
                report.uploaded += 1
        downloads = self.local.files_to_download()
        for i, (sha, size, target) in enumerate(downloads):
            self.progress("download", i, len(downloads))
            if self.download(sha, size, target):
                self.local.mark_present(sha)
                report.downloaded += 1

    def upload(self, sha: str, path: Path, size: int) -> bool:
        state = p.BlobState.model_validate(
            self.transport.call("GET", f"/v1/blobs/{sha}", params={"size": size})
        )
        data = self.local.read_file(sha, path) if not state.complete else b""
        while not state.complete:
            chunk = data[state.received : state.received + CHUNK]
            if not chunk:
                return False
            state = p.BlobState.model_validate(
                self.transport.call("PUT", f"/v1/blobs/{sha}", params={"offset": state.received}, raw=chunk)
            )
        return True

    def download(self, sha: str, size: int, target: Path) -> bool:
        state = p.BlobState.model_validate(self.transport.call("GET", f"/v1/blobs/{sha}"))
        if not state.complete:
            return False  # its uploader has not finished yet
        part = target.with_name(target.name + ".part")
        part.parent.mkdir(parents=True, exist_ok=True)
        with open(part, "ab") as f:
            while (offset := f.tell()) < state.size:
                chunk = self.transport.call(
                    "GET", f"/v1/blobs/{sha}/content", params={"offset": offset, "length": CHUNK}
                )
                if not chunk:
                    break
                f.write(chunk)
                f.flush()
        if p.file_sha256(part) != sha:
            part.unlink()
            return False
        self.local.keep_file(sha, part, target)
        return True

    # ---------------------------------------------------------------------------------------- offline bundles

    def export_bundle(self, target: Path) -> int:
        ops = self.local.pending_ops(10**9)
        request = p.Bundle(
            device_id=self.local.get_state("device_id"),
            epoch=self.local.get_state("epoch"),
            cursor=self.local.get_state("cursor", 0),
            schema_version=self.local.schema_version(),
            protocol=p.PROTOCOL_VERSION,
            push=p.PushRequest(epoch=self.local.get_state("epoch"), ops=ops),
        )
        sealed = bundle.seal(
            request.device_id, self._bundle_key(), "push", request.model_dump_json().encode()
        )
        Path(target).write_bytes(sealed)
        return len(ops)

    def import_bundle(self, source: Path) -> SyncReport:
        blob = bundle.read(source)  # its size checked before it is read
        if bundle.device_of(blob) != self.local.get_state("device_id"):
            raise bundle.BundleError("这个回执是给另一台设备的")
        reply = p.BundleReply.model_validate_json(bundle.unseal(blob, self._bundle_key(), "reply"))
        report = SyncReport()
        if reply.push.reset or reply.pull.reset:
            self._adopt_epoch(reply.pull.epoch, report)
            return report  # the ops are queued again; the next bundle or sync re-sends them
        self.local.record_results(reply.push.results)
        self._count(report, reply.push.results)
        if reply.pull.epoch == self.local.get_state("epoch"):
            report.took(reply.pull.changes, self.local.apply_page(reply.pull.changes, reply.pull.cursor))
        self.local.set_state(last_sync=self.now().isoformat(timespec="seconds"))
        return report

    def _bundle_key(self) -> bytes:
        key = self.local.get_state("bundle_key")
        if not key:
            raise SyncError("这台设备还没在乡镇服务器登记过；离线同步包需要先联网登记一次")
        return bytes.fromhex(key)


class AdminClient:
    """The township's accounts on the server (the one truth), through its admin API with this device's token.
    The server decides who may (a township platform or admin account); its refusals arrive as `Refused`."""

    def __init__(self, transport: Transport):
        self.transport = transport

    def accounts(self) -> list[p.AdminAccount]:
        return p.AccountList.model_validate(self.transport.call("GET", "/v1/admin/accounts")).accounts

    def create(self, request: p.NewAccount) -> p.AdminAccount:
        answer = self.transport.call("POST", "/v1/admin/accounts", body=request.model_dump(exclude_none=True))
        return p.AdminAccount.model_validate(answer)

    def edit(self, username: str, request: p.AccountEdit) -> p.AdminAccount:
        body = request.model_dump(exclude_none=True)
        return p.AdminAccount.model_validate(self.transport.call("PATCH", self._path(username), body=body))

    def set_disabled(self, username: str, disabled: bool) -> p.AdminAccount:
        path = self._path(username) + ("/disable" if disabled else "/enable")
        return p.AdminAccount.model_validate(self.transport.call("POST", path))

    def reset_password(self, username: str, password: str) -> p.AdminAccount:
        body = p.NewPassword(password=password).model_dump()
        return p.AdminAccount.model_validate(
            self.transport.call("POST", self._path(username) + "/password", body=body)
        )

    def revoke_device(self, device_id: str) -> p.AdminDevice:
        path = f"/v1/admin/devices/{quote(device_id, safe='')}/revoke"
        return p.AdminDevice.model_validate(self.transport.call("POST", path))

    @staticmethod
    def _path(username: str) -> str:
        return f"/v1/admin/accounts/{quote(username, safe='')}"
