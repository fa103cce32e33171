"""Put the English of a helper's new strings (incoming/<name>_en.tsv: context, source, translation; a plural's
forms split by "|") into fengqiao_en.ts after `update.py` has added them unfinished; then run
`update.py --release`. Used at merge, then the .tsv can go."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def apply(tsv: Path, ts: Path = HERE.parent / "fengqiao_en.ts") -> int:
    wanted = {}
    for line in tsv.read_text("utf-8").splitlines():
        if line.strip():
            context, source, english = line.split("\t")
            wanted[(context, source)] = english
    tree = ET.parse(ts)
    done = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            english = wanted.get((name, message.findtext("source")))
            translation = message.find("translation")
            if english is None or translation is None or translation.get("type") != "unfinished":
                continue
            del translation.attrib["type"]
            forms = translation.findall("numerusform")
            if forms:
                for form, text in zip(forms, english.split("|"), strict=False):
                    form.text = text
            else:
                translation.text = english
            done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(name, apply(Path(name)))
