"""How the page checker's time grows with the size of what it reads:
one line, and one block of short lines, from 1 KB to 1 MB, of the inputs
that once made it slow (spaces inside a tab line, brackets, box markers).

    .venv/bin/python benchmarks/checker_input_size.py

Two columns per input: the whole checker (which refuses a line over 2,000
characters or a block over 8 KB before parsing anything, so its time stays
flat), and the line rules alone, run on the same text with the limits
skipped (their time must grow in step with the size: no pattern may
backtrack). Not a test: timings depend on the machine.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "hooks"))

from leaflet.check import Site, check_source  # noqa: E402
from leaflet.markdown_lines import prose_lines  # noqa: E402
from leaflet.markdown_rules import check_exercise_body  # noqa: E402
from leaflet.problems import PageReport  # noqa: E402

SIZES = (1_000, 10_000, 100_000, 1_000_000)
HEAD = "---\ntitle: T\n---\n\n# T\n\n"
INPUTS = {
    "tab line, spaces": lambda n: "=== a" + " " * n + "b",
    "box line, words": lambda n: "!!! " + "a " * (n // 2) + '"',
    "line of [": lambda n: "[" * n,
    "block of [ lines": lambda n: "\n".join(["[" * 100] * (n // 101)),
}


def seconds(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    site = Site.at(PROJECT / "docs", "docs", date.today())
    print(f"{'input':<18} {'size':>9} {'checker (s)':>12} {'line rules (s)':>15}")
    for name, make in INPUTS.items():
        for size in SIZES:
            body = make(size)
            page = (HEAD + body + "\n").encode("utf-8")
            whole = seconds(lambda: check_source("exercises/x.md", page, site))
            rules = seconds(lambda: check_exercise_body(prose_lines(body, 7), PageReport("x")))
            print(f"{name:<18} {size:>9,} {whole:>12.4f} {rules:>15.4f}")


if __name__ == "__main__":
    main()
