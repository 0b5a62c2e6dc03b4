"""Check the leaflet's pages without building the site.

    python scripts/check_pages.py [DOCS] [--strict] [--today YYYY-MM-DD]
    python scripts/check_pages.py --write-schema

Runs the same checks as the MkDocs hook (hooks/page_checker.py), so the
content is guarded under any builder, hooks or not. Prints one problem per
line (`path:line: message`; warnings say "warning:") and a summary. Exits 1
when there are errors (or, with --strict, warnings), 0 otherwise, 2 when
it cannot run (a docs folder that does not exist).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

# The checker is the leaflet package beside the hooks that run it in a build.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from leaflet.check import Site, check_docs  # noqa: E402
from leaflet.nav_rules import CONFIG_NAME as NAV_CONFIG  # noqa: E402
from leaflet.problems import errors, warnings  # noqa: E402
from leaflet.front_matter.json_schema import SCHEMA_FILE, schema_text  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the leaflet's pages without building the site.")
    parser.add_argument("docs", nargs="?", default="docs", help="the docs folder (default: docs)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too, as mkdocs build --strict does")
    parser.add_argument("--today", type=date.fromisoformat, help="check review dates as if today were this date")
    parser.add_argument("--write-schema", action="store_true", help=f"rewrite {SCHEMA_FILE} from the checker's models")
    args = parser.parse_args(argv)

    if args.write_schema:
        (PROJECT_ROOT / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")
        print(f"wrote {SCHEMA_FILE}")
        return 0

    docs = Path(args.docs)
    if not docs.is_dir():
        print(f"{args.docs}: no such folder (give the docs folder, e.g. docs)", file=sys.stderr)
        return 2
    # The site's mkdocs.yml, beside the docs folder, gives its nav.
    pages, problems = check_docs(Site.at(docs, args.docs, args.today), docs.resolve().parent / NAV_CONFIG)
    for problem in problems:
        print(problem.report_line())
    error_count, warning_count = len(errors(problems)), len(warnings(problems))
    print(f"{_count(pages, 'page')} checked: {_count(error_count, 'error')}, {_count(warning_count, 'warning')}")
    return 1 if error_count or (args.strict and warning_count) else 0


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


if __name__ == "__main__":
    sys.exit(main())
