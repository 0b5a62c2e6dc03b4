"""What the page checks cost a build: synthetic sites of 10, 100 and 1000
exercise pages, each built with the site's own mkdocs.yml without and
with hooks/page_checker.py, timing `mkdocs build` end to end: wall-clock
seconds, and CPU seconds (user + system), which a busy machine disturbs less.

    .venv/bin/python benchmarks/hook_overhead.py [--pages 10 100 1000] [--repeat 3]

Target: the checks add at most 10% at 1000 pages, and their cost grows
linearly with the number of pages (the "added per page" column levels off).
Not a test: timings depend on the machine and on what else it is doing.
Each size is built --repeat times, with and without the checks in turn,
and the median is shown; the default run takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CHECKS_HOOK = "hooks/page_checker.py"
TEMPLATE = PROJECT / "templates" / "new-exercise.md"
PLAIN_PAGE = """---
title: {title}
description: >-
  A page of the synthetic benchmark site, long enough to be a proper meta
  description for search results.
reviewed: {reviewed}
review_due: {due}
responsible: Site editors
---

# {title}

A short page with a few plain words on it.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    rows = []
    for pages in args.pages:
        with tempfile.TemporaryDirectory(prefix="leaflet-bench-") as scratch:
            root = Path(scratch)
            make_site(root, pages)
            without, with_checks = [], []
            for _ in range(args.repeat):  # interleaved, so drift hits both alike
                without.append(build_seconds(root, "mkdocs-without.yml"))
                with_checks.append(build_seconds(root, "mkdocs-with.yml"))
        rows.append((pages, median_times(without), median_times(with_checks)))
        print(f"built {pages} pages", file=sys.stderr, flush=True)

    print(
        "| pages | wall without (s) | wall with (s) | wall ratio "
        "| CPU without (s) | CPU with (s) | CPU ratio | CPU added per page (ms) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for pages, (wall_without, cpu_without), (wall_with, cpu_with) in rows:
        print(
            f"| {pages} | {wall_without:.2f} | {wall_with:.2f} | {wall_with / wall_without:.3f} "
            f"| {cpu_without:.2f} | {cpu_with:.2f} | {cpu_with / cpu_without:.3f} "
            f"| {1000 * (cpu_with - cpu_without) / pages:.1f} |"
        )


def median_times(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(wall for wall, _ in runs), statistics.median(cpu for _, cpu in runs)


def make_site(root: Path, pages: int) -> None:
    """The project's config, theme overrides, hooks and assets, with pages
    made from the new-exercise template instead of the real ones."""
    ignore = shutil.ignore_patterns("__pycache__", "*.md")
    shutil.copytree(PROJECT / "overrides", root / "overrides", ignore=ignore)
    shutil.copytree(PROJECT / "hooks", root / "hooks", ignore=ignore)
    shutil.copytree(PROJECT / "docs", root / "docs", ignore=ignore)
    docs = root / "docs"

    today = date.today()
    due = today + timedelta(days=365)
    for name, title in (("index.md", "Home"), ("when-to-get-help.md", "When to get help")):
        (docs / name).write_text(PLAIN_PAGE.format(title=title, reviewed=today, due=due), encoding="utf-8")
    template = TEMPLATE.read_text(encoding="utf-8")
    template = re.sub(r"(?m)^reviewed: .*", f"reviewed: {today}", template)
    template = re.sub(r"(?m)^review_due: .*", f"review_due: {due}", template)
    pictures = docs / "assets" / "pictures"
    a_picture = next(pictures.glob("*.svg"))
    for name in re.findall(r"(?m)^  - src: (\S+)", template):
        shutil.copy(a_picture, pictures / name)
    exercises = docs / "exercises"
    exercises.mkdir(exist_ok=True)
    for number in range(1, pages + 1):
        page = template.replace("Exercise name", f"Exercise {number}")
        (exercises / f"exercise-{number}.md").write_text(page, encoding="utf-8")

    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    # Without a nav every page is listed; the site's hooks are set below.
    config = drop_top_level_key(drop_top_level_key(config, "nav"), "hooks")
    hooks = [hook for hook in site_hooks() if hook != CHECKS_HOOK]
    (root / "mkdocs-without.yml").write_text(config + hooks_block(hooks), encoding="utf-8")
    (root / "mkdocs-with.yml").write_text(config + hooks_block(hooks + [CHECKS_HOOK]), encoding="utf-8")


def site_hooks() -> list[str]:
    block = re.search(r"(?ms)^hooks:\n(.*?)(?=^\S)", (PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    return re.findall(r"(?m)^  - (\S+)", block.group(1)) if block else []


def drop_top_level_key(config: str, key: str) -> str:
    return re.sub(rf"(?ms)^{key}:\n.*?(?=^\S|\Z)", "", config)


def hooks_block(hooks: list[str]) -> str:
    return "\nhooks:\n" + "".join(f"  - {hook}\n" for hook in hooks)


def build_seconds(root: Path, config: str) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of one `mkdocs build`."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config, "--site-dir", "site"],
        cwd=root,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - started, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
