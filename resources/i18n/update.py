"""Refresh the translation sources and build the .qm files.

    .venv/bin/python resources/i18n/update.py            # lupdate + the data words (all_labels) and messages
    .venv/bin/python resources/i18n/update.py --release  # only build .qm from the committed .ts (setup)

Chinese (zh_CN) is the source language: its .ts repeats each source as its translation. English translations
live in fengqiao_en.ts; a new string shows up there unfinished until someone translates it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(f"pyside6-{name}"))


def ts_path(language: str) -> Path:
    return HERE / f"fengqiao_{language}.ts"


def release(out_dir: Path = HERE) -> list[Path]:
    """Build each language's .qm (beside its .ts, or into out_dir)."""
    built = []
    for language in LANGUAGES:
        qm = Path(out_dir) / ts_path(language).with_suffix(".qm").name
        subprocess.run([tool("lrelease"), "-silent", str(ts_path(language)), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def translated(language: str) -> dict[tuple[str, str], str]:
    """(context, source) → translation, for every finished translation in the language's .ts file."""
    if not ts_path(language).exists():
        return {}
    from xml.etree.ElementTree import parse

    result = {}
    for context in parse(ts_path(language)).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") != "unfinished":
                result[(name, message.findtext("source"))] = translation.text
    return result


def all_labels() -> set[str]:
    """Every data word the window shows through desktop.ui.labels.label: the domain's words and the forms'."""
    from desktop.services.matters import SIGNALS
    from desktop.ui.actions import fields_for
    from desktop.ui.settings import LANGUAGES
    from sync.core.domain import deadlines, lifecycle, mediation, risk, roles, scope, visits

    tables = [
        lifecycle.STATUS_LABELS,
        lifecycle.ACTION_LABELS,
        lifecycle.PETITION_ACTION_LABELS,
        lifecycle.LEVEL_LABELS,
        lifecycle.OUTCOME_LABELS,
        lifecycle.PETITION_OUTCOME_LABELS,
        lifecycle.SESSION_OUTCOME_LABELS,
        risk.RISK_LABELS,
        roles.ROLE_LABELS,
        deadlines.COLOUR_LABELS,
        scope.SCOPE_LABELS,
        roles.PERMISSION_LABELS,
        SIGNALS,
    ]
    from sync.core.domain import petitions

    tables += [petitions.STAGE_LABELS, petitions.RATE_LABELS]  # 信访: the stages after the reply, 三率
    texts: set[str] = set()
    for table in tables:
        texts |= {v for v in table.values() if v}
    texts |= (
        set(deadlines.GRADE_LABELS.values())
        | set(mediation.SATISFACTION)
        | set(mediation.SESSION_KINDS)
        | set(visits.PURPOSES)
    )
    texts |= {name for _, name in LANGUAGES}
    # 三调联动, 重点人员 and 巡查 words (sync.core.domain.linkage, key_persons, patrols)
    from sync.core.domain import key_persons, linkage, patrols

    for table in (linkage.KIND_LABELS, linkage.RESULT_LABELS, linkage.NUMBER_LABELS, linkage.BODY_LABELS):
        texts |= set(table.values())
    texts |= set(linkage.PAPER_LABELS.values()) | set(key_persons.CATEGORIES) | set(key_persons.WAYS)
    texts |= set(patrols.PLACE_KINDS)
    # Data words a township starts with (its own additions stay in its own words), and those of residents.
    import json

    from desktop import paths
    from desktop.services.matters import PARTY_ROLES
    from sync.core.domain.residents import RELATIONS

    reference = json.loads(paths.reference("categories.json").read_text("utf-8"))["categories"]
    texts |= set(reference) | {sub for subs in reference.values() for sub in subs}
    texts |= set(json.loads(paths.reference("channels.json").read_text("utf-8"))["channels"])
    texts |= (
        set(RELATIONS)
        | set(PARTY_ROLES)
        | {"男", "女", "成员", "身份证号", "手机号", "户号", "地址", "电话", "住户信息"}
    )

    class NoPlaces:
        categories: dict = {}
        orgs = people = ()

    for action in lifecycle.Action:
        if action == lifecycle.Action.REPORT or action in lifecycle.NOT_OFFERED:
            continue
        for f in fields_for(action, NoPlaces):
            texts.add(f.label)
            texts |= {text for _, text in f.choices if isinstance(text, str)}
    return texts


# Where msg("template", …) is called: the rules (the core both ends share), the use cases and the store.
MESSAGE_FOLDERS = (("sync", "core"), ("desktop", "services"), ("desktop", "store"))


def is_msg_call(node) -> bool:
    """msg("a literal template", …): the text the window looks up in the MESSAGES context."""
    import ast

    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "msg"
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
    )


def all_messages() -> set[str]:
    """Every msg("template", …) of the rules, the use cases and the store (sync.core.domain.messages)."""
    import ast

    found = set()
    for folder in MESSAGE_FOLDERS:
        paths = sorted(ROOT.joinpath(*folder).rglob("*.py"))
        if not paths:  # a folder that moved would silently drop its messages from the translations
            raise SystemExit(f"no sources in {'/'.join(folder)}: update MESSAGE_FOLDERS")
        for path in paths:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if is_msg_call(node):
                    found.add(node.args[0].value)
    return found


def sources() -> list[str]:
    """The files whose tr() strings lupdate collects: the window, and the programs that build windows."""
    files = sorted((ROOT / "desktop" / "ui").glob("*.py"))
    return [str(p) for p in [*files, ROOT / "desktop" / "app.py", ROOT / "desktop" / "screenshots.py"]]


def update() -> None:
    targets = [str(ts_path(language)) for language in LANGUAGES]
    # lupdate drops the contexts it did not find in the sources: keep their translations.
    kept = {language: translated(language) for language in LANGUAGES}
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from desktop.ui.common import MESSAGES
    from desktop.ui.labels import CONTEXT

    # Collected before lupdate rewrites the files, so a failure here leaves them as they were.
    collected = ((CONTEXT, all_labels()), (MESSAGES, all_messages()))
    # No source locations: a line number changed anywhere would otherwise rewrite every .ts file around it.
    lupdate = [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
    subprocess.run([*lupdate, *sources(), "-ts", *targets], check=True)
    for language in LANGUAGES:
        tree = ET.parse(ts_path(language))
        root = tree.getroot()
        for name, texts in collected:
            context = next((c for c in root.iter("context") if c.findtext("name") == name), None)
            if context is None:
                context = ET.SubElement(root, "context")
                ET.SubElement(context, "name").text = name
            known = {m.findtext("source"): m for m in context.iter("message")}
            for text in sorted(texts):
                if text not in known:
                    message = ET.SubElement(context, "message")
                    ET.SubElement(message, "source").text = text
                    if (name, text) in kept[language]:
                        ET.SubElement(message, "translation").text = kept[language][(name, text)]
                    else:
                        ET.SubElement(message, "translation", {"type": "unfinished"})
        for message in root.iter("message"):
            translation = message.find("translation")
            if language == "zh_CN":  # the source language translates to itself (Chinese has one plural form)
                translation.attrib.pop("type", None)
                if message.get("numerus") == "yes":
                    for form in list(translation):
                        translation.remove(form)
                    translation.text = None
                    ET.SubElement(translation, "numerusform").text = message.findtext("source")
                else:
                    translation.text = message.findtext("source")
        ET.indent(tree)
        tree.write(ts_path(language), encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    if "--release" not in sys.argv:
        update()
    for path in release():
        print(path)
