"""Schemathesis against a running township server, from its own `/openapi.json`, with a real device's token:
each operation's generated requests in the positive mode (valid by the schema) and the negative mode (each one
breaking the schema somewhere), and stateful scenarios that chain operations, feeding one answer's values
(a cursor, an epoch, an attachment's name) into the next request.

Every answer is checked by schemathesis's own checks (status codes, content types and bodies as documented, a
negative request refused with a 4xx) and none may be a 5xx. Used by tests/sync/test_schemathesis.py at a CI
budget and by bench/bench_fuzz_api.py at 1,000 examples per operation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode


@dataclass
class Tally:
    """The answers seen, by mode and status code."""

    statuses: dict[str, Counter] = field(default_factory=dict)
    unbreakable: list[str] = field(default_factory=list)  # operations with no negative case
    failures: list[str] = field(default_factory=list)  # what went wrong, when told to keep going

    def seen(self, mode: str, status: int) -> None:
        self.statuses.setdefault(mode, Counter())[status] += 1

    def requests(self, mode: str | None = None) -> int:
        return sum(sum(c.values()) for m, c in self.statuses.items() if mode in (None, m))

    def histogram(self) -> dict[int, int]:
        total: Counter = Counter()
        for counter in self.statuses.values():
            total += counter
        return dict(sorted(total.items()))

    def report(self) -> str:
        lines = [
            f"{mode}: {self.requests(mode)} requests, {dict(sorted(c.items()))}"
            for mode, c in self.statuses.items()
        ]
        lines.append(f"no negative case (nothing to break): {', '.join(self.unbreakable) or 'none'}")
        lines += [f"FAILED {failure}" for failure in self.failures]
        return "\n".join([*lines, f"all: {self.requests()} requests, {self.histogram()}"])


def load(url: str, headers: dict | None = None):
    """The server's schema; `headers` (the device's token) go with every generated request, fixed: a negative
    case breaks the request elsewhere, never the token, so a refusal is the server's answer to what it
    broke."""
    schema = schemathesis.openapi.from_url(url + "/openapi.json")
    schema.config.update(headers=headers or {})
    return schema


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


def fuzz_operation(operation, mode: GenerationMode, examples: int, tally: Tally) -> None:
    """One operation's generated requests in one mode, as a Hypothesis test of its own."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def check(case):
        response = case.call()
        tally.seen(mode.value, response.status_code)
        assert response.status_code < 500, (operation.label, mode.value, response.text[:300])
        case.validate_response(response)

    check()


def fuzz_stateful(schema, scenarios: int, steps: int, tally: Tally) -> None:
    """Scenarios of up to `steps` calls chained by the links schemathesis finds between operations."""

    class Scenario(schema.as_state_machine()):
        def after_call(self, response, case):
            tally.seen("stateful", response.status_code)
            assert response.status_code < 500, (case.operation.label, "stateful", response.text[:300])

    Scenario.run(
        settings=settings(
            max_examples=scenarios,
            stateful_step_count=steps,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
    )


def fuzz_all(
    url: str, headers: dict, examples: int, scenarios: int, steps: int = 6, keep_going=False, progress=None
) -> Tally:
    """Every operation in both modes, then the stateful scenarios. `keep_going`: a failure is noted in the
    tally (and the rest still runs) instead of raised. `progress(label, tally)` after each part."""
    schema = load(url, headers)
    tally = Tally()

    def attempt(label: str, run) -> None:
        try:
            run()
        except Unsatisfiable:  # nothing to break: no parameter, no body, and the token is fixed
            tally.unbreakable.append(label)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # a FailureGroup is a BaseExceptionGroup
            if not keep_going:
                raise
            tally.failures.append(f"{label}: {type(exc).__name__}: {str(exc).strip().splitlines()[:3]}")
        if progress is not None:
            progress(label, tally)

    for operation in operations(schema):
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            attempt(
                f"{operation.label} ({mode.value})",
                lambda o=operation, m=mode: fuzz_operation(o, m, examples, tally),
            )
    attempt("stateful", lambda: fuzz_stateful(schema, scenarios, steps, tally))
    return tally
