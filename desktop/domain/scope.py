"""What part of the township an account works on: some grids, some villages, or all of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.messages import msg


@dataclass(frozen=True)
class Scope:
    kind: str = "township"  # grid / village / township
    ids: frozenset = field(default_factory=frozenset)

    def __post_init__(self):
        if self.kind not in ("grid", "village", "township"):
            raise ValueError(msg("范围类型应为 grid、village 或 township，而不是“{0}”", self.kind))

    def covers(self, village_id: str | None, grid_id: str | None) -> bool:
        if self.kind == "township":
            return True
        if self.kind == "village":
            return village_id in self.ids
        return grid_id in self.ids


SCOPE_LABELS = {"grid": "网格", "village": "村（社区）", "township": "全镇"}
