"""A pull page bounded in bytes as well as in rows: 2,000 maximal records were 230 MiB in one answer. The
page `changes.pull` read is cut before the change that would take its JSON past the bound (always keeping
the first), and then says `more` with the cursor at the last change kept, so the laptop, which follows
`more`, asks again from there and nothing is skipped."""

from __future__ import annotations

from sync.core import protocol as p

# The page's own fields and the list's commas, over the changes themselves: a generous allowance.
PAGE_OVERHEAD = 4096


def fit(page: p.PullPage, max_bytes: int) -> p.PullPage:
    budget = max_bytes - PAGE_OVERHEAD
    used = 0
    for kept, change in enumerate(page.changes):
        used += len(change.model_dump_json().encode()) + 1
        if used > budget and kept > 0:
            # Changes come in server_seq order: the next page starts after the last one sent. The counts
            # ride on the last page only, and this is no longer the last.
            return page.model_copy(
                update={
                    "changes": page.changes[:kept],
                    "cursor": page.changes[kept - 1].server_seq,
                    "more": True,
                    "counts": None,
                }
            )
    return page


def body(page: p.PullPage, max_bytes: int) -> bytes:
    """The page's JSON within the bound: written once when it fits whole (a small sync's page), cut by `fit`
    and written again only when it does not."""
    whole = page.model_dump_json(by_alias=True).encode()
    if len(whole) <= max_bytes:
        return whole
    return fit(page, max_bytes).model_dump_json(by_alias=True).encode()
