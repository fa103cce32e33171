"""`fengqiao period close|list` and `fengqiao assessment MONTH` as real processes on a real township file: a
closed month prints the same after later steps, the open month shows them as adjustments, and closing twice,
too early or without the right is refused with the reason."""

from datetime import date, datetime

from desktop.services import steps
from tests.cli.test_cli import run
from tests.conftest import PASSWORD
from tests.services.test_matters import report


def _november(t, clock):
    g, p = t.login("grid1"), t.login("platform")
    done, other = report(t), report(t)
    for m in (done, other):
        steps.register(p, m, 2, category="邻里")
    steps.dispatch(p, done, f"org:{t.committee}")
    steps.accept(g, done)
    steps.close(g, done, "resolved")
    steps.check_closure(p, done)
    return done, other


def test_closing_a_month_from_the_command_line_and_reprinting_it(township, clock):
    t = township
    done, other = _november(t, clock)

    def cli(*args, user="platform"):
        return run(*args, "--db", t.path, user=user, password=PASSWORD)

    early = cli("period", "close", date.today().strftime("%Y-%m"))  # the machine's own month is not over
    assert early.returncode == 3 and "尚未结束" in early.stderr, early.stderr
    refused = cli("period", "close", "2026-11", user="grid1")
    assert refused.returncode == 1 and "月结" in refused.stderr and "grid1" not in refused.stdout
    bad = cli("period", "close", "2026-13")
    assert bad.returncode == 2 and "2026-11" in bad.stderr
    before = cli("assessment", "2026-11")
    assert before.returncode == 0 and "已月结" not in before.stdout

    closed = cli("period", "close", "2026-11")
    assert closed.returncode == 0 and "已月结 2026-11：钱平台" in closed.stdout, closed.stderr
    again = cli("period", "close", "2026-11")
    assert again.returncode == 3 and "2026年11月已月结，不能重复月结" in again.stderr
    listed = cli("period", "list").stdout.splitlines()
    assert listed[1].startswith("2026-11\t钱平台\t") and listed[1].endswith(
        "\t手动\t" + listed[1].split("\t")[4] + "\t一致"
    )

    published = cli("assessment", "2026-11")
    as_json = cli("assessment", "2026-11", "--json")
    assert "本期已月结：钱平台于" in published.stdout
    assert published.stdout.replace(published.stdout.splitlines()[1] + "\n", "") == before.stdout

    # December: a follow-up dated 30 November, and the other matter marked a repeat of the first
    clock.now = datetime(2026, 12, 1, 10, 0)
    steps.follow_up(t.login("supervisor"), done, steps.FollowUpInput(date(2026, 11, 30), "满意"))
    steps.mark_repeat(t.login("platform"), other, done, "同一诉求")

    assert cli("assessment", "2026-11").stdout == published.stdout  # byte for byte
    assert cli("assessment", "2026-11", "--json").stdout == as_json.stdout
    december = cli("assessment", "2026-12")
    assert december.returncode == 0
    assert "对2026年11月的调整\t东村\t立案-1，回访+1，满意+1，已回访件+1" in december.stdout.splitlines()
