"""A place given by the name the township uses, resolved to its id the same way on both ends: a village
(`新街村`), a grid (`新街村第1网格`, `新街村/第1网格`, or `第1网格` when only one village has one) or a
household (its 户号, or `新街村/0012`), or the id itself. A name that matches no place, or several, is
refused with the choices, so an account is never made that silently sees nothing."""

from __future__ import annotations

from dataclasses import dataclass

MAX_CHOICES = 12  # choices a refusal lists: enough to spot a typo, short enough to read


class PlaceNameError(ValueError):
    """A name that names no place or several; the message lists the choices."""


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str  # its own name (a household: its 户号)
    village: str = ""  # the village it lies in ("" for a village itself)

    @property
    def labels(self) -> set[str]:
        labels = {self.name}
        if self.village:
            short = self.name[len(self.village) :] if self.name.startswith(self.village) else self.name
            labels |= {
                f"{self.village}/{self.name}",
                f"{self.village}{short}",
                f"{self.village}/{short}",
                short,
            }
        return {label for label in labels if label}

    @property
    def shown(self) -> str:
        return (
            self.name
            if not self.village or self.name.startswith(self.village)
            else f"{self.village}/{self.name}"
        )


def resolve(given: list[str], candidates: list[Candidate], called: str) -> list[str]:
    """The ids of the places given, in order; PlaceNameError naming the choices otherwise."""
    ids = []
    for raw in given:
        entry = raw.strip()
        if any(c.id == entry for c in candidates):
            ids.append(entry)
            continue
        found = [c for c in candidates if entry in c.labels]
        if len(found) == 1:
            ids.append(found[0].id)
            continue
        if found:
            listed = "、".join(f"{c.shown}（{c.id}）" for c in found[:MAX_CHOICES])
            raise PlaceNameError(f"找不到唯一的{called}“{entry}”：有 {len(found)} 个同名，请选其一：{listed}")
        names = sorted(c.shown for c in candidates)
        near = [n for n in names if entry and (entry in n or n in entry)] or names
        more = "…" if len(near) > MAX_CHOICES else ""
        listed = "、".join(near[:MAX_CHOICES]) + more if near else f"还没有{called}"
        raise PlaceNameError(f"找不到唯一的{called}“{entry}”：没有这个名称；可选：{listed}")
    return ids
