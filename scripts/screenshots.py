"""Take screenshots of every page, to look at before calling work done.

    python scripts/screenshots.py [OUTPUT_DIR]

Builds the site, serves it on 127.0.0.1 and saves full-page PNGs of each
page at phone (390 px) and desktop (1280 px) width, in light and dark
schemes, plus an A4 PDF of each page as Chromium prints it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from local_site import build_site, launch_chromium, serve

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
SCHEMES = ("light", "dark")


def main(output: Path) -> None:
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        build_site(site)
        pages = sorted(p.relative_to(site) for p in site.rglob("index.html") if p.parent.name != "search")
        with serve(site) as url, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for path in pages:
                name = str(path.parent).replace("/", "-").strip(".-") or "home"
                for width_name, (width, height) in WIDTHS.items():
                    for scheme in SCHEMES:
                        context = browser.new_context(
                            viewport={"width": width, "height": height}, color_scheme=scheme
                        )
                        page = context.new_page()
                        page.goto(url + str(path.parent) + "/")
                        target = output / f"{name}-{width_name}-{scheme}.png"
                        page.screenshot(path=target, full_page=True)
                        context.close()
                context = browser.new_context()
                page = context.new_page()
                page.goto(url + str(path.parent) + "/")
                page.pdf(path=output / f"{name}.pdf", format="A4", print_background=True)
                context.close()
                print(f"{name}: done")
            browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
