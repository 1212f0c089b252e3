#!/usr/bin/env python3
"""check_report.py REPORT.json exit=N EXPECTATION...

Checks a --check-env --json report. Expectations: `id=outcome` (ok, warning,
ng, not_applicable), `id~text` (some fact line of the item contains text),
`expect_exit=N`. Always checks that every item is there and that the exit
code agrees with the overall outcome."""
import json
import sys

IDS = ["os", "calendar", "browser", "pdf", "client_app", "network", "clock", "proxy"]
EXIT_OF = {"ok": 0, "warning": 1, "ng": 2}


def main(path, actual_exit, expectations):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    items = {item["id"]: item for item in report["items"]}
    problems = []
    if [item["id"] for item in report["items"]] != IDS:
        problems.append(f"items are {list(items)}, expected {IDS}")
    if EXIT_OF[report["overall"]] != actual_exit:
        problems.append(f"exit code {actual_exit} does not match overall {report['overall']}")
    for expectation in expectations:
        if expectation.startswith("expect_exit="):
            if int(expectation.split("=", 1)[1]) != actual_exit:
                problems.append(f"exit code {actual_exit}, expected {expectation}")
        elif "=" in expectation:
            item_id, outcome = expectation.split("=", 1)
            if items[item_id]["outcome"] != outcome:
                problems.append(f"{item_id} is {items[item_id]['outcome']}, expected {outcome}")
        elif "~" in expectation:
            item_id, text = expectation.split("~", 1)
            if not any(text in fact for fact in items[item_id]["facts"]):
                problems.append(f"{item_id} has no fact containing {text!r}: {items[item_id]['facts']}")
        else:
            problems.append(f"cannot read the expectation {expectation!r}")
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2].split("=", 1)[1]), sys.argv[3:]))
