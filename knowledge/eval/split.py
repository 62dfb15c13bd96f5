#!/usr/bin/env python3
"""Split one combined evaluation file into a tuning half and a test half, once.

Usage:
    python3 knowledge/eval/split.py knowledge/eval/<set>/combined.json

The input is a JSON object with one top-level key holding a list of rows, for
example {"questions": [...]}, {"requests": [...]} or {"replies": [...]}. Every
row has a unique "id".

Rows are grouped by a stratum so that both halves keep the same mix:
    questions  -> in scope (non-empty "relevant") vs out of scope (empty)
    requests   -> the "expected" value
    replies    -> the "question" field

Each group is sorted by id and shuffled with random.Random(20261202) (a fresh
generator per group, so one group's size never changes another group's
order). The first half of each group, rounded up, goes to tune.json and the
rest to test.json, both written next to the input file under the same
top-level key, rows sorted by id. The input file is left in place; delete it
afterwards so that only the two halves are kept.

This is meant to be run once per set. After that, never move a test item into
tuning; new items go to tune.json only.
"""

import json
import math
import random
import sys
from pathlib import Path

SEED = 20261202


def stratum(key, row):
    if key == "questions":
        return "in-scope" if row.get("relevant") else "out-of-scope"
    if key == "requests":
        return row["expected"]
    if key == "replies":
        return row["question"]
    raise SystemExit(f"unknown top-level key {key!r}: expected questions, requests or replies")


def write(path, key, rows):
    lines = [json.dumps(r, ensure_ascii=False) for r in sorted(rows, key=lambda r: r["id"])]
    body = ",\n    ".join(lines)
    path.write_text(f'{{\n  "{key}": [\n    {body}\n  ]\n}}\n', encoding="utf-8")


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    src = Path(argv[1])
    data = json.loads(src.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or len(data) != 1:
        raise SystemExit("expected a JSON object with exactly one top-level key")
    (key, rows), = data.items()
    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        raise SystemExit("ids are not unique")

    groups = {}
    for row in rows:
        groups.setdefault(stratum(key, row), []).append(row)

    tune, test = [], []
    for name in sorted(groups):
        group = sorted(groups[name], key=lambda r: r["id"])
        random.Random(SEED).shuffle(group)
        half = math.ceil(len(group) / 2)
        tune += group[:half]
        test += group[half:]
        print(f"{name}: {half} tune, {len(group) - half} test")

    write(src.parent / "tune.json", key, tune)
    write(src.parent / "test.json", key, test)
    print(f"total: {len(tune)} tune, {len(test)} test")


if __name__ == "__main__":
    main(sys.argv)
