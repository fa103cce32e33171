"""Key slots: the random data key of a database, wrapped once per account by a key derived from its password.

The slots live beside the database (`<db>.keys`), because they must be read before the database can be opened.
Argon2id derives the wrapping key; AES-GCM wraps the data key, so a wrong password fails the tag check and is
told apart from a damaged database. Failed attempts are counted here too, and lock the account for a while.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sync.core.domain.messages import msg

FORMAT = 1
MAX_FAILURES = 5
LOCK_MINUTES = 15


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 2


class UnlockError(Exception):
    """Why a database could not be unlocked, in words for the user."""


class WrongPassword(UnlockError):
    pass


class AccountLocked(UnlockError):
    pass


class UnknownAccount(UnlockError):
    pass


def keyfile_for(db_path: Path) -> Path:
    return Path(str(db_path) + ".keys")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _derive(password: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


class KeyFile:
    def __init__(self, path: Path, data: dict):
        self.path = Path(path)
        self.data = data

    @classmethod
    def create(cls, path: Path) -> KeyFile:
        return cls(path, {"format": FORMAT, "slots": {}})

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        path = Path(path)
        if not path.exists():
            raise UnlockError(
                msg("找不到密钥文件 {0}：数据库无法解锁（备份时请连同 .keys 文件一起复制）", path)
            )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UnlockError(msg("密钥文件 {0} 已损坏：{1}", path, exc)) from exc
        if data.get("format") != FORMAT:
            raise UnlockError(msg("密钥文件 {0} 的格式版本 {1} 不受支持", path, data.get("format")))
        return cls(path, data)

    def save(self) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(self.data, ensure_ascii=False, indent=1), encoding="utf-8")
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, self.path)

    def usernames(self) -> list[str]:
        return sorted(self.data["slots"])

    def add(self, username: str, password: str, data_key: bytes, params: KdfParams | None = None) -> None:
        """Wrap the data key for this account (replacing an old slot: that is how a password is reset)."""
        params = params or KdfParams()
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        wrapped = AESGCM(_derive(password, salt, params)).encrypt(nonce, data_key, username.encode("utf-8"))
        self.data["slots"][username] = {
            "kdf": "argon2id",
            "t": params.time_cost,
            "m": params.memory_kib,
            "p": params.parallelism,
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
            "failures": 0,
            "locked_until": None,
        }
        self.save()

    def remove(self, username: str) -> None:
        self.data["slots"].pop(username, None)
        self.save()

    def unlock(self, username: str, password: str, now: datetime | None = None) -> bytes:
        now = now or datetime.now()
        slot = self.data["slots"].get(username)
        if slot is None:
            raise UnknownAccount(msg("账号“{0}”在这台电脑上不存在", username))
        locked_until = slot.get("locked_until")
        if locked_until and now < datetime.fromisoformat(locked_until):
            raise AccountLocked(
                msg(
                    "账号“{0}”因多次密码错误已锁定，请于{1}后再试，或请管理员重置密码",
                    username,
                    locked_until[11:16],
                )
            )
        params = KdfParams(slot["t"], slot["m"], slot["p"])
        try:
            key = AESGCM(_derive(password, _unb64(slot["salt"]), params)).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped"]), username.encode("utf-8")
            )
        except InvalidTag:
            slot["failures"] = slot.get("failures", 0) + 1
            left = MAX_FAILURES - slot["failures"]
            if left <= 0:
                slot["failures"] = 0
                slot["locked_until"] = (now + timedelta(minutes=LOCK_MINUTES)).isoformat(timespec="seconds")
                self.save()
                raise AccountLocked(
                    msg("密码错误次数过多，账号“{0}”已锁定{1}分钟", username, LOCK_MINUTES)
                ) from None
            self.save()
            raise WrongPassword(msg("密码错误（再错{0}次将锁定账号）", left)) from None
        if slot.get("failures") or slot.get("locked_until"):
            slot["failures"], slot["locked_until"] = 0, None
            self.save()
        return key


def new_data_key() -> bytes:
    return secrets.token_bytes(32)
