"""A realistic demo township: villages, grids, accounts, households with valid ID numbers, visits, and matters
in every state, each driven through the real use cases so that its history is exactly what the app writes."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.base import new_id
from desktop.store.keyslots import KdfParams
from desktop.store.models import Account, Division, Grid, Household, Matter, Org, Party, Person, Visit
from sync.core.domain import idnumber
from sync.core.domain.lifecycle import Outcome, Refused, SessionOutcome
from sync.core.domain.messages import msg
from sync.core.domain.residents import KEY_PERSON
from sync.core.domain.roles import Role
from sync.core.domain.visits import PURPOSES

from . import matters, setup, steps
from .accounts import actor_of
from .context import Workspace, config_value
from .errors import Cancelled
from .matters import MatterInput, PartyInput

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华建军志强永"
    "刚春梅海燕德明文军小红丽娟国华秀珍凤英淑珍桂芳玉梅"
)
VILLAGE_WORDS = "东西南北上下前后大小新老高桥湾塘溪山岭坪庄岗河口头"
TITLES = {
    "邻里": ["邻里排水纠纷", "楼上噪音扰民", "相邻通行受阻"],
    "婚姻家庭": ["赡养老人费用分担", "离婚财产分割", "遗产继承争议"],
    "房屋宅基地": ["宅基地边界争议", "建房遮挡采光", "房屋租赁押金纠纷"],
    "合同": ["民间借款不还", "买卖货款拖欠"],
    "劳动争议": ["工地拖欠农民工工资", "工伤赔偿争议"],
    "山林土地": ["土地承包到期续包", "山林界址不清"],
    "损害赔偿": ["家禽毁坏庄稼", "犬只咬伤赔偿"],
    "道路交通": ["电动车刮擦赔偿"],
    "物业": ["小区物业费争议"],
}
TAGS = ["留守老人", "独居老人", "留守儿童", "低保户", "残疾", "退役军人"]


@dataclass
class DemoReport:
    villages: int = 0
    grids: int = 0
    households: int = 0
    persons: int = 0
    visits: int = 0
    matters: int = 0
    accounts_with_login: tuple[str, ...] = ()


def _name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


class _Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def build(
    path: Path,
    password: str,
    households: int = 2000,
    *,
    seed: int = 7,
    township: str = "向城镇",
    division_code: str = "420606001000",
    now: datetime | None = None,
    kdf: KdfParams | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> DemoReport:
    rng = random.Random(seed)
    real_now = (now or datetime.now()).replace(microsecond=0)
    clock = _Clock(real_now)
    report = DemoReport()

    def say(stage: str, done: int, total: int) -> None:
        if progress is not None and progress(stage, done, total) is False:
            raise Cancelled(msg("已取消，演示数据库已删除"))

    ws = setup.create_township(path, township, password, division_code=division_code, kdf=kdf, clock=clock)
    try:
        _fill(ws, rng, seed, households, report, clock, real_now, say, password, kdf)
    except BaseException:
        ws.close()
        setup.remove_database(path)  # half a demo is no use to anyone, and would ask for a login next start
        raise
    ws.close()
    return report


# What the demo made and hands from step to step: "grids" (one entry per grid: the grid, village, committee,
# worker, persons, households), "units", "teams", "accounts" by username, and "flavour" (a random stream).
People = dict[str, Any]
Say = Callable[[str, int, int], None]
Sessions = dict[str, Workspace]  # a workspace per demo account, by username


def _fill(
    ws: Workspace,
    rng: random.Random,
    seed: int,
    households: int,
    report: DemoReport,
    clock: _Clock,
    real_now: datetime,
    say: Say,
    password: str,
    kdf: KdfParams | None,
) -> None:
    admin = ws
    with _bulk(ws, real_now) as session:
        people = _places_and_people(ws, session, rng, households, report, say)
        # The township's own practice (督办 answered, 包案, 12345 orders, filed dossiers, decisions sent down)
        # draws from a second stream, so the rest of the demo stays what it was for a seed.
        people["flavour"] = random.Random(seed + 1)
        _visits(ws, session, rng, people, report, real_now)
    _matters(ws, rng, people, report, clock, real_now, say)
    with _bulk(ws, real_now) as session:
        _flag_key_persons(session)
    logins = ["platform", "mediator", "lawyer", "supervisor", "leader", "auditor", "gw001"]
    for username in logins:
        admin.db.keyfile.add(username, password, admin.data_key, kdf)
    report.accounts_with_login = ("admin", *logins)


def _places_and_people(
    ws: Workspace, s: Session, rng: random.Random, total: int, report: DemoReport, say: Say
) -> People:
    code = s.query(Division).filter_by(level="township").one()
    address = code.code[:6]
    village_count = max(2, round(total / 400))
    sizes = [total // village_count + (1 if i < total % village_count else 0) for i in range(village_count)]
    words = rng.sample([a + b for a in VILLAGE_WORDS for b in "村湾坪"], village_count)
    account = {}

    def add_account(
        username: str,
        name: str,
        roles: str,
        kind: str = "township",
        ids: Iterable[str] = (),
        org: str | None = None,
    ) -> Account:
        acc = Account(
            username=username,
            display_name=name,
            roles=roles,
            scope_kind=kind,
            scope_ids=list(ids),
            org_id=org,
            created_at=ws.now(),
        )
        s.add(acc)
        s.flush()
        account[username] = acc
        return acc

    units = {
        n: Org(kind="unit", name=n)
        for n in ("司法所", "派出所", "自然资源所", "综合执法队", "信访办", "劳动保障所")
    }
    teams = {n: Org(kind="team", name=n) for n in ("老娘舅调解队", "律师调解工作室", "人大代表调解室")}
    s.add_all([*units.values(), *teams.values()])
    s.flush()
    add_account("platform", "钱平台", Role.PLATFORM)
    add_account("mediator", "赵调解", Role.MEDIATOR, org=teams["老娘舅调解队"].id)
    # The 律师调解工作室's lawyer: a mediator of that studio, who signs in with a key slot of their own
    # (logins below) to record the studio's mediation; the role takes no registration, dispatch, residents'
    # records or settings. (Township-wide like every mediator: the server's scopes are places, and a scope
    # of no place would leave the studio's own matters off the lawyer's laptop.)
    add_account("lawyer", "冯律师", Role.MEDIATOR, org=teams["律师调解工作室"].id)
    add_account("supervisor", "孙督考", Role.SUPERVISOR)
    add_account("leader", "周镇长", Role.LEADER)
    add_account("auditor", "吴审计", Role.AUDITOR)
    people: People = {
        "grids": [],
        "units": list(units.values()),
        "teams": list(teams.values()),
        "accounts": account,
    }
    used_ids: set[str] = set()
    made, worker_no = 0, 0
    for v, size in enumerate(sizes):
        village = Division(
            name=words[v], level="village", code=f"{code.code[:9]}{v + 1:03d}", parent_id=code.id
        )
        s.add(village)
        s.flush()
        committee = Org(
            kind="village_committee", name=f"{village.name}村委会", level="village", village_id=village.id
        )
        s.add(committee)
        grid_count = max(1, round(size / 150))
        grids = []
        for g in range(grid_count):
            worker_no += 1
            grid = Grid(village_id=village.id, name=f"{village.name}第{g + 1}网格")
            s.add(grid)
            s.flush()
            worker = add_account(f"gw{worker_no:03d}", _name(rng), Role.GRID_WORKER, "grid", [grid.id])
            worker.org_id = committee.id
            grid.worker_id = worker.id
            grids.append(grid)
            people["grids"].append(
                {
                    "grid": grid,
                    "village": village,
                    "committee": committee,
                    "worker": worker,
                    "persons": [],
                    "households": [],
                }
            )
        for h in range(size):
            entry = people["grids"][-grid_count + (h % grid_count)]
            persons = [
                Person(
                    id=new_id(),
                    name=name,
                    sex=sex,
                    ethnicity="汉族",
                    birth_date=born,
                    id_number=id_number,
                    mobile=mobile,
                    relation=relation,
                    tags=[],
                    note="",
                )
                for relation, name, sex, born, id_number, mobile in _household_members(
                    rng, address, used_ids, ws.now().date()
                )
            ]
            household = Household(
                id=new_id(),
                village_id=village.id,
                grid_id=entry["grid"].id,
                number=f"{h + 1:04d}",
                address=f"{village.name}{rng.randint(1, 12)}组{rng.randint(1, 80)}号",
                worker_id=entry["worker"].id,
                tags=rng.sample(TAGS, 1) if rng.random() < 0.15 else [],
                note="",
                head_id=persons[0].id,
            )
            for person in persons:
                person.household_id = household.id
            s.add(household)
            s.add_all(persons)
            entry["persons"].extend(persons)
            entry["households"].append(household)
            report.persons += len(persons)
            made += 1
            if made % 500 == 0:
                s.flush()
                say("住户", made, total)
        report.grids += grid_count
    report.villages = village_count
    report.households = made
    s.flush()
    say("住户", made, total)
    return people


def _household_members(
    rng: random.Random, address: str, used: set[str], today: date
) -> list[tuple[str, str, str, date, str, str | None]]:
    size = rng.choices([1, 2, 3, 4, 5, 6], weights=[8, 20, 25, 25, 15, 7])[0]
    head_sex = rng.choice("男女")
    surname = rng.choice(SURNAMES)
    head_born = today - timedelta(days=rng.randint(25 * 365, 85 * 365))
    result = [("户主", surname + _name(rng)[1:], head_sex, head_born)]
    if size >= 2:
        result.append(
            (
                "配偶",
                _name(rng),
                "女" if head_sex == "男" else "男",
                head_born + timedelta(days=rng.randint(-1500, 1500)),
            )
        )
    for _ in range(size - len(result)):
        born = head_born + timedelta(days=rng.randint(20 * 365, 35 * 365))
        if born > today - timedelta(days=400):  # a young head: a young child, born on any of many days
            born = today - timedelta(days=rng.randint(400, 16 * 365))
        sex = rng.choice("男女")
        result.append(("子" if sex == "男" else "女", surname + _name(rng)[1:], sex, born))
    members = []
    for relation, name, sex, born in result:
        for attempt in range(10_000):  # 500 numbers a day per sex: move a day back when one is full
            born = born - timedelta(days=attempt // 50 and 1)
            number = idnumber.make(address, born, rng.randint(0, 499), sex)
            if number not in used:
                used.add(number)
                break
        adult = (today - born).days > 18 * 365
        mobile = f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}" if adult else None
        members.append((relation, name, sex, born, number, mobile))
    return members


def _visits(
    ws: Workspace, s: Session, rng: random.Random, people: People, report: DemoReport, now: datetime
) -> None:
    for entry in people["grids"]:
        for household in entry["households"]:
            if rng.random() < 0.25:
                s.add(
                    Visit(
                        household_id=household.id,
                        visitor_id=entry["worker"].id,
                        visited_at=now - timedelta(days=rng.randint(0, 90), hours=rng.randint(0, 8)),
                        purpose=rng.choice(PURPOSES),
                        findings="家中情况正常，无矛盾纠纷。",
                        needs_follow_up=rng.random() < 0.1,
                    )
                )
                report.visits += 1


# How far along its life each demo matter has come, with weights: every state of the loop appears.
PATHS = [
    ("reported", 6),
    ("registered", 5),
    ("rejected", 2),
    ("repeat", 2),
    ("dispatched", 6),
    ("open_for_claim", 3),
    ("handling", 14),
    ("claimed", 4),
    ("returned", 2),
    ("escalated", 3),
    ("extension", 3),
    ("closed", 8),
    ("checked", 10),
    ("evaluated", 30),
    ("reopened", 2),
]


@contextmanager
def _bulk(ws: Workspace, now: datetime) -> Iterator[Session]:
    """One transaction shared by many use cases: the demo is written in large, quick chunks."""
    with ws.db.writing(actor_id=ws.actor.account_id, device_id=ws.device_id, now=now) as session:
        ws.ambient = session
        try:
            yield session
        finally:
            ws.ambient = None


MATTERS_PER_CHUNK = 100


def _matters(
    ws: Workspace,
    rng: random.Random,
    people: People,
    report: DemoReport,
    clock: _Clock,
    now: datetime,
    say: Say,
) -> None:
    accounts = people["accounts"]
    with ws.read() as s:
        channels: list[str] = config_value(s, "channels", [])
    count = max(20, sum(len(g["households"]) for g in people["grids"]) // 25)
    primaries: list[str] = []
    for start in range(0, count, MATTERS_PER_CHUNK):
        # A fresh session per chunk keeps each flush small: a flush looks at every object the session holds.
        with _bulk(ws, now):
            as_ = {
                name: ws.as_actor(actor_of(acc))
                for name, acc in accounts.items()
                if not name.startswith("gw")
            }
            for _ in range(start, min(count, start + MATTERS_PER_CHUNK)):
                _one_matter(ws, as_, rng, people, clock, now, channels, primaries)
                report.matters += 1
        say("事项", min(count, start + MATTERS_PER_CHUNK), count)


def _one_matter(
    ws: Workspace,
    as_: Sessions,
    rng: random.Random,
    people: People,
    clock: _Clock,
    now: datetime,
    channels: list[str],
    primaries: list[str],
) -> None:
    names, weights = zip(*PATHS, strict=True)
    entry = rng.choice(people["grids"])
    worker = ws.as_actor(actor_of(entry["worker"]))
    category = rng.choice(list(TITLES))
    first, second = rng.sample(entry["persons"], 2)
    clock.now = now - timedelta(days=rng.uniform(1, 150))
    path = rng.choices(names, weights)[0]
    signals = ["group"] if rng.random() < 0.03 else []
    title, source = rng.choice(TITLES[category]), rng.choice(["网格排查", "走访发现"] * 3 + channels)
    flavour = people["flavour"]
    external = (
        f"{clock.now:%Y%m%d}{flavour.randint(0, 99999):05d}" if source in ("12345热线", "首发平台") else ""
    )
    matter_id = matters.report(
        worker,
        MatterInput(
            title=title,
            source=source,
            external_no=external,
            category=category,
            facts=f"{first.name}与{second.name}因{rng.choice(TITLES[category])}发生争执，请求调处。",
            occurred_at=clock.now - timedelta(days=rng.randint(0, 10)),
            place=entry["households"][0].address,
            village_id=entry["village"].id,
            grid_id=entry["grid"].id,
            people_count=rng.choice([2, 2, 2, 3, 4, 12]),
            amount=rng.choice([0, 0, 3000, 20000, 150000]),
            signals=signals,
            parties=[
                PartyInput(
                    first.name,
                    "申请人",
                    id_number=first.id_number or "",
                    phone=first.mobile or "",
                    person_id=first.id,
                    occupation=_occupation(first.name),
                ),
                PartyInput(
                    second.name,
                    "被申请人",
                    id_number=second.id_number or "",
                    person_id=second.id,
                    occupation=_occupation(second.name),
                ),
            ],
        ),
    ).id
    _drive(as_, worker, entry, people, rng, clock, now, matter_id, path, primaries, REPLY if external else "")
    _practice(as_, people, flavour, clock, matter_id, path)


OCCUPATIONS = (
    "农民",
    "农民",
    "农民",
    "个体经营",
    "外出务工",
    "退休",
    "村民小组长",
    "养殖户",
    "教师",
    "货车司机",
)


def _occupation(name: str) -> str:
    """The same person, the same occupation: drawn from the name, so the demo's random streams stay put."""
    return OCCUPATIONS[sum(map(ord, name)) % len(OCCUPATIONS)]


def _practice(
    as_: Sessions, people: People, flavour: random.Random, clock: _Clock, matter_id: str, path: str
) -> None:
    """What a township adds to a matter's life besides the six steps: a leader takes a hard case (包案), a
    county decision comes down to be carried out, a closed case's dossier is filed."""
    if path in ("dispatched", "handling", "claimed", "extension") and flavour.random() < 0.15:
        steps.take_charge(as_["leader"], matter_id, "领导包案，协调相关部门")
    if path == "escalated" and flavour.random() < 0.5:
        steps.refer_down(as_["leader"], matter_id, "镇联调中心已研判，由村调委会落实调解意见", 10)
    if path in ("checked", "evaluated") and flavour.random() < 0.7:
        steps.archive(as_["platform"], matter_id, f"卷宗存放于综治中心档案柜 {flavour.randint(1, 20)} 号")


def _flag_key_persons(session: Session) -> None:
    """The applicants of matters that could flare up (易激化) are the township's 重点人员 until settled."""
    flagged = (
        select(Party.person_id)
        .join(Matter, Matter.id == Party.matter_id)
        .where(Matter.risk == "high", Party.role == "申请人", Party.person_id.is_not(None))
    )
    for person in session.execute(select(Person).where(Person.id.in_(flagged))).scalars():
        person.tags = sorted({*(person.tags or []), KEY_PERSON})


REPLY = "已电话回复来电人，告知办理结果，来电人无异议"  # 销号回复; required only of hotline orders


def _later(clock: _Clock, rng: random.Random, now: datetime, low: float = 0.1, high: float = 3.0) -> None:
    clock.now = min(now, clock.now + timedelta(days=rng.uniform(low, high)))


def _drive(
    as_: Sessions,
    worker: Workspace,
    entry: dict[str, Any],
    people: People,
    rng: random.Random,
    clock: _Clock,
    now: datetime,
    matter_id: str,
    path: str,
    primaries: list[str],
    reply: str,
) -> None:
    platform = as_["platform"]
    if path == "reported":
        return
    _later(clock, rng, now)
    if path == "rejected":
        steps.reject(platform, matter_id, "经核实不属于矛盾纠纷，已告知当事人")
        return
    if path == "repeat" and primaries:
        steps.mark_repeat(platform, matter_id, rng.choice(primaries), "同一诉求多渠道反映")
        return
    steps.register(platform, matter_id, rng.choices([1, 2, 3], [60, 32, 8])[0], note="已核实，予以立案")
    primaries.append(matter_id)
    if path in ("registered", "repeat"):
        return
    _later(clock, rng, now)
    if path in ("open_for_claim", "claimed"):
        steps.publish(platform, matter_id, "发布至志愿调解员认领")
        if path == "claimed":
            _later(clock, rng, now)
            steps.claim(as_[rng.choice(["mediator", "lawyer"])], matter_id)
        return
    village_level = rng.random() < 0.6
    handler_ws = worker if village_level else as_["mediator"]
    handler = f"org:{entry['committee'].id}" if village_level else f"org:{people['teams'][0].id}"
    steps.dispatch(platform, matter_id, handler, "请按期办理")
    if path == "dispatched":
        return
    _later(clock, rng, now)
    steps.accept(handler_ws, matter_id)
    if path == "returned":
        _later(clock, rng, now)
        steps.return_to_platform(handler_ws, matter_id, "不属于本单位职责，请重新交办")
        return
    if path == "escalated":
        for _ in range(3):
            _later(clock, rng, now)
            steps.record_session(handler_ws, matter_id, _session(clock, SessionOutcome.FAILED))
        steps.escalate(handler_ws, matter_id, "本级三次调解未成，上报乡镇")
        return
    if path == "extension":
        # asked and granted within days: an extension is possible only before the due date passes
        try:
            _later(clock, rng, now, high=0.5)
            steps.request_extension(handler_ws, matter_id, 5, "当事人外出务工，需延期调解")
            _later(clock, rng, now, high=0.5)
            steps.decide_extension(platform, matter_id, True, "同意延期5天")
        except Refused:
            pass  # the random clock ran past a short deadline first: it stays a matter in hand, as in life
    if path in ("handling", "extension"):
        if rng.random() < 0.5:
            _later(clock, rng, now)
            steps.record_session(handler_ws, matter_id, _session(clock, SessionOutcome.ADJOURNED))
        if rng.random() < 0.3:
            steps.supervise(as_["supervisor"], matter_id, "请加快办理，三日内反馈进展")
            if people["flavour"].random() < 0.5:
                steps.explain_overdue(handler_ws, matter_id, "当事人外出务工，已电话联系，约定返乡后调解")
        return
    _later(clock, rng, now)
    agreed = rng.random() < 0.85
    steps.record_session(
        handler_ws, matter_id, _session(clock, SessionOutcome.AGREEMENT if agreed else SessionOutcome.FAILED)
    )
    if agreed:
        steps.record_agreement(
            handler_ws,
            matter_id,
            steps.AgreementInput(
                form=rng.choice(["written", "oral"]),
                parties="见当事人信息",
                facts="双方就争议事实无异议，各自承担相应责任",
                terms="双方自愿达成协议，按约定履行",
                performance="一次性当场履行",
                perform_by=clock.now.date() + timedelta(days=15),
                signed_by_parties=True,
                signed_by_mediator=True,
                copies=3,
            ),
        )
        steps.close(handler_ws, matter_id, str(Outcome.AGREEMENT), "调解成功", reply=reply)
    else:
        steps.close(
            handler_ws,
            matter_id,
            str(Outcome.UNRESOLVED),
            "调解不成",
            legal_channels="已告知当事人可向人民法院起诉",
            reply=reply,
        )
    if path == "closed":
        return
    _later(clock, rng, now)
    steps.check_closure(platform, matter_id, True, "核查属实，予以销号")
    if path == "checked":
        return
    _later(clock, rng, now, 1, 10)
    satisfaction = rng.choices(["满意", "基本满意", "不满意"], [75, 20, 5])[0]
    relapse = path == "reopened"
    steps.follow_up(
        as_["supervisor"], matter_id, steps.FollowUpInput(clock.now.date(), satisfaction, True, relapse)
    )
    if relapse:
        steps.reopen(platform, matter_id, "回访发现矛盾反弹")


def _session(clock: _Clock, outcome: object) -> steps.SessionInput:
    return steps.SessionInput(
        held_on=clock.now.date(),
        kind="人民调解",
        outcome=str(outcome),
        place="村调解室",
        mediators="调解委员会",
        attendees="双方当事人",
        record="调解员释法说理，听取双方意见。",
    )
