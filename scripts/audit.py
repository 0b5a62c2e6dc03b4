"""Lighthouse on every page of the site: `make audit`.

    python scripts/audit.py [--runs N] [--json DIR] [--pages PAGE ...]

Builds the site, serves it gzip-compressed on 127.0.0.1 (as a web host
would), runs Lighthouse (the npm package pinned in package.json, installed
by `npm ci`) with its mobile settings in the system Chromium, and prints
each page's four scores and total bytes. Each page is audited N times
(default 3) and the run with the median performance score is kept:
Lighthouse's documentation warns that one run is noisy, and on a busy
machine the performance score moves by several points between runs.

Exits 1 if a page misses a target (performance 95; accessibility, best
practices and SEO 100). Scores depend on the machine, so this is not part
of `make test`; the tests assert the stable budgets (bytes, axe).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from gzip_server import serve_gzip
from local_site import ROOT, build_site, chromium_executable
from site_pages import built_pages

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# A page that is not there must not be found by search engines: the 404
# page says "noindex", which Lighthouse's SEO score counts against it.
NOT_INDEXED = {"404.html"}


def targets_for(page: str) -> dict[str, int]:
    return {name: target for name, target in TARGETS.items() if not (name == "seo" and page in NOT_INDEXED)}


def lighthouse(url: str, output: Path) -> dict:
    """One Lighthouse run (mobile, simulated slow 4G and CPU); its report."""
    chrome = os.environ.get("CHROME_PATH") or chromium_executable()
    if not chrome:
        sys.exit("No Chromium found: install Debian's chromium package or set CHROME_PATH.")
    command = [
        str(LIGHTHOUSE), url,
        "--quiet",
        "--output=json", f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chrome}, cwd=ROOT)
    return json.loads(output.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    return {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def shortfalls(report: dict, targets: dict[str, int]) -> list[str]:
    """The audits that cost points in a category below its target."""
    found = []
    for name, target in targets.items():
        category = report["categories"][name]
        if round((category["score"] or 0) * 100) >= target:
            continue
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                found.append(f"{name}: {audit['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".rstrip())
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="audits per page (default 3); the median run is kept")
    parser.add_argument("--json", type=Path, help="keep the Lighthouse reports (JSON) in this folder")
    parser.add_argument("--pages", nargs="+", metavar="PAGE",
                        help='only these pages, as addresses from the site\'s root ("" for home, "routine/", "zh/session/")')
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `npm ci` (make audit does).")

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        pages = built_pages(site)
        if args.pages is not None:
            unknown = sorted(set(args.pages) - set(pages))
            if unknown:
                sys.exit(f"no such page: {', '.join(unknown)} (pages are addresses such as \"\", \"routine/\", \"zh/session/\")")
            pages = [page for page in pages if page in args.pages]
        reports_dir = args.json or Path(tmp) / "reports"
        reports_dir.mkdir(parents=True, exist_ok=True)
        rows, missed = [], []
        with serve_gzip(site) as base:
            for page in pages:
                name = page.strip("/").replace("/", "-") or "home"
                runs = [lighthouse(base + page, reports_dir / f"{name}-{run}.json") for run in range(args.runs)]
                median = statistics.median_low(scores(report)["performance"] for report in runs)
                report = next(report for report in runs if scores(report)["performance"] == median)
                result = scores(report)
                total = report["audits"]["total-byte-weight"]["numericValue"]
                rows.append(("/" + page, result, total))
                targets = targets_for(page)
                if any(result[name] < target for name, target in targets.items()):
                    missed.append(("/" + page, shortfalls(report, targets)))
                print(f"audited /{page}", file=sys.stderr)

    print()
    print("| Page | Performance | Accessibility | Best practices | SEO | Total bytes |")
    print("| ---- | ----------: | ------------: | -------------: | --: | ----------: |")
    for page, result, total in rows:
        print(
            f"| `{page}` | {result['performance']} | {result['accessibility']} | "
            f"{result['best-practices']} | {result['seo']} | {total / 1024:.1f} KiB ({total:,.0f} B) |"
        )
    print()
    print(f"Lighthouse mobile (simulated slow 4G, 4x CPU slowdown); targets: {TARGETS} "
          f"(no SEO target for {', '.join(sorted(NOT_INDEXED))}: not to be indexed).")
    for page, problems in missed:
        print(f"{page} misses a target:")
        for problem in problems:
            print(f"    {problem}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
