"""MkDocs hook: the clinic that hands the leaflet out (mkdocs.yml:
extra.clinic, leaflet/clinic.py), in the footer of every page
(overrides/partials/clinic.html) and at the top of every printed sheet
(overrides/partials/print-footer.html), in the language being built.
hooks/page_checker.py checks the settings and stops the build on a wrong
one; here a wrong one is only left out."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import imagesize
from mkdocs.config.defaults import MkDocsConfig

from leaflet.clinic import LOGO_HEIGHT_PX, footer_html, print_line, read_clinic
from leaflet.languages import being_built


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    clinic, problems = read_clinic(config.extra.get("clinic"), Path(config.docs_dir))
    config.extra["leaflet_clinic"] = None
    if clinic is None or problems:
        return config
    words = being_built(config)
    shown = {"html": footer_html(clinic, words), "print": print_line(clinic, words), "logo": None}
    if clinic.logo:
        width, height = imagesize.get(str(Path(config.docs_dir) / PurePosixPath(clinic.logo)))
        # Shown LOGO_HEIGHT_PX high; the width keeps its proportions.
        shown |= {"logo": clinic.logo, "logo_height": LOGO_HEIGHT_PX,
                  "logo_width": round(width * LOGO_HEIGHT_PX / height) if width > 0 and height > 0 else LOGO_HEIGHT_PX}
    config.extra["leaflet_clinic"] = shown
    return config
