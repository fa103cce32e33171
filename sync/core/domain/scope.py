"""What part of the township an account works on: some households (a 联户长), grids, villages, or all of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from sync.core.domain.messages import msg


@dataclass(frozen=True)
class Scope:
    kind: str = "township"  # household / grid / village / township
    ids: frozenset = field(default_factory=frozenset)

    def __post_init__(self):
        if self.kind not in SCOPE_KINDS:
            raise ValueError(msg("范围类型应为 household、grid、village 或 township，而不是“{0}”", self.kind))

    def covers(self, village_id: str | None, grid_id: str | None, household_id: str | None = None) -> bool:
        if self.kind == "township":
            return True
        return {"village": village_id, "grid": grid_id, "household": household_id}[self.kind] in self.ids


SCOPE_KINDS = ("household", "grid", "village", "township")
SCOPE_LABELS = {"household": "联系的住户", "grid": "网格", "village": "村（社区）", "township": "全镇"}
