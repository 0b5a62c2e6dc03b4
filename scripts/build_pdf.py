"""Save the whole leaflet as a PDF inside a built site.

    python scripts/build_pdf.py [SITE_DIR]

mkdocs-print-site-plugin writes the whole leaflet as one page
(SITE_DIR/print/, and SITE_DIR/zh/print/ in Chinese); this prints each to
A4 with Chromium, exactly as a reader's browser would, into the file the
pages of that language link to. Run after `mkdocs build` (`make build`
does both).
"""

from __future__ import annotations

import io
import os
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from local_site import launch_chromium, serve

PRINT_PAGE = "print/"
PDF_NAME = "exercises-for-lumbar-muscle-strain.pdf"

_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}")
_NODE_ID = re.compile(rb"node(\d{8})")


def make_repeatable(pdf: bytes, epoch: int | None) -> bytes:
    """The same PDF for the same site, byte for byte.

    Chromium stamps the print time, and names the tagged-PDF structure by
    DOM node numbers that drift between runs. Both are rewritten in place
    with values of the same length, so no byte offset in the file moves:
    dates from SOURCE_DATE_EPOCH, node numbers by their rank (order kept,
    as the PDF's name tree needs).
    """
    if epoch is not None:
        stamp = datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y%m%d%H%M%S").encode()
        pdf = _PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + stamp, pdf)
    ranks = {old: b"%08d" % rank for rank, old in enumerate(sorted(set(_NODE_ID.findall(pdf))), 1)}
    return _NODE_ID.sub(lambda m: b"node" + ranks[m.group(1)], pdf)


def without_doubled_outline_titles(pdf: bytes) -> bytes:
    """The PDF with each bookmark titled once.

    Chromium (156) writes each bookmark of a `lang="zh"` page's headings
    with its title twice ("转腰转腰"); the English PDF is right. The titles
    are rewritten with pypdf, and only when one is doubled, so other PDFs
    pass through unchanged.
    """
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header
    outlines = writer.root_object.get("/Outlines")
    pending = [outlines.get_object().get("/First")] if outlines else []
    fixed = 0
    while pending:
        reference = pending.pop()
        if reference is None:
            continue
        item = reference.get_object()
        title = str(item.get("/Title", ""))
        half = len(title) // 2
        # At least two characters a half: a word like "走走" is not doubled.
        if half >= 2 and title[:half] == title[half:]:
            item[NameObject("/Title")] = TextStringObject(title[:half])
            fixed += 1
        pending += [item.get("/Next"), item.get("/First")]
    if not fixed:
        return pdf
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def language_roots(site_dir: Path) -> list[str]:
    """Where each language's pages start: "" (English), then "zh/" and any
    other language folder with a print page of its own."""
    others = sorted(f"{index.parent.parent.name}/" for index in site_dir.glob(f"*/{PRINT_PAGE}index.html"))
    return [""] + others


def build_pdf(site_dir: Path) -> Path:
    """The leaflet's PDF in each language, beside its print page's language
    root (PDF_NAME, zh/PDF_NAME); returns the default language's."""
    if not (site_dir / PRINT_PAGE / "index.html").is_file():
        raise SystemExit(f"{site_dir / PRINT_PAGE}index.html is missing: run `mkdocs build` first.")
    with serve(site_dir) as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        for root in language_roots(site_dir):
            # The printed leaflet needs no script, and scripts that still adjust
            # the page while it is printed made the PDF differ by a pixel from
            # run to run on a busy machine.
            page = browser.new_page(java_script_enabled=False)
            page.goto(url + root + PRINT_PAGE, wait_until="networkidle")
            # Lay the page out for print once everything it uses has arrived.
            page.emulate_media(media="print")
            pdf = page.pdf(format="A4", tagged=True, outline=True)
            page.close()
            target = site_dir / root / PDF_NAME
            # Repeatable first: pypdf writes the dates back in another form
            # ("D\072..."), which make_repeatable would no longer find.
            pdf = make_repeatable(pdf, int(epoch) if epoch else None)
            target.write_bytes(without_doubled_outline_titles(pdf))
        browser.close()
    return site_dir / PDF_NAME


if __name__ == "__main__":
    path = build_pdf(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print(f"Wrote {path} ({path.stat().st_size // 1024} KB)")
