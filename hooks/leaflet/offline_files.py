"""What the offline copy of each language holds, and the service worker
that keeps it (hooks/offline.py writes it as sw.js at the site's root).

A reader who opens one page of a language gets, once that page has
loaded, every page, picture, stylesheet, script and the search index of
that language in the browser's cache, so the leaflet, its search and the
guided session work with no network. The list is read from the finished
site, so a new page or picture is in it with nothing to declare.

Left out: the other languages' pages; the PDF (large, and the print page
is cached instead); source maps; the sitemap, robots.txt and the tags
list, which only crawlers and plugins read; and Material's search
add-ons for languages this language's search does not use.

Run it on a built site to see each language's list and size:

    python hooks/leaflet/offline_files.py site
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path, PurePosixPath

if __package__ in (None, ""):  # run as a script: import leaflet from hooks/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from leaflet.languages import LANGUAGES, Language

WORKER_FILE = "sw.js"
# The worker's code; the build puts each language's list above it.
WORKER_SOURCE = Path(__file__).with_name("offline_worker.js")
# What the cache may hold per language, in bytes as stored (uncompressed).
BUDGET_BYTES = 1_500_000

# .mjs: ES modules, such as the QR encoder in javascripts/vendor/ (Makefile).
KEPT_SUFFIXES = {".html", ".css", ".js", ".mjs", ".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico"}
SEARCH_INDEX = "search/search_index.json"
# The worker says itself, in the reader's language, that a page is not
# kept; the 404 page would say the page does not exist.
LEFT_OUT = {"404.html"}
# Material's search worker loads lunr's add-ons for its index's languages
# (config.lang) only, from assets/javascripts/lunr/: none for English
# alone; else the stemmer support, lunr.<code>.min.js for each language
# but English, the multi-language file for more than one, tinyseg.js for
# Japanese and wordcut.js for Thai and Hindi.
LUNR_FOLDER = "assets/javascripts/lunr/"
LUNR_SEGMENTERS = {"ja": "tinyseg.js", "th": "wordcut.js", "hi": "wordcut.js"}


def _lunr_files(search_langs: list[str]) -> set[str]:
    if search_langs in ([], ["en"]):
        return set()
    names = {"min/lunr.stemmer.support.min.js"}
    names |= {f"min/lunr.{code}.min.js" for code in search_langs if code != "en"}
    names |= {LUNR_SEGMENTERS[code] for code in search_langs if code in LUNR_SEGMENTERS}
    if len(search_langs) > 1:
        names.add("min/lunr.multi.min.js")
    return {LUNR_FOLDER + name for name in names}


def _search_langs(site_dir: Path, language: Language) -> list[str]:
    """The languages the built search index of this language asks for."""
    try:
        config = json.loads((site_dir / language.root / SEARCH_INDEX).read_text(encoding="utf-8"))["config"]
        return [str(code) for code in config.get("lang", [])]
    except (OSError, ValueError, KeyError, TypeError):
        return list(language.search_lang)


def built_languages(site_dir: Path) -> dict[str, Language]:
    """The languages this site was built in: those with a search index."""
    return {code: language for code, language in LANGUAGES.items()
            if (site_dir / language.root / SEARCH_INDEX).is_file()}


def _owner(relative: str, languages: dict[str, Language]) -> str | None:
    """The language a file belongs to alone, or None for what every
    language shares (stylesheets, scripts, pictures)."""
    for code, language in languages.items():
        if language.root and relative.startswith(language.root):
            return code
    if relative.endswith(".html") or relative == SEARCH_INDEX:
        # The default language's pages and index are at the site's root.
        return next((code for code, language in languages.items() if not language.root), None)
    return None


def language_files(site_dir: Path) -> dict[str, list[str]]:
    """Each built language's files, site-relative and sorted."""
    languages = built_languages(site_dir)
    lunr = {code: _lunr_files(_search_langs(site_dir, language)) for code, language in languages.items()}
    files: dict[str, list[str]] = {code: [] for code in languages}
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if not path.is_file() or relative == WORKER_FILE or relative in LEFT_OUT:
            continue
        owner = _owner(relative, languages)
        for code, language in languages.items():
            if owner not in (None, code):
                continue
            inside = relative[len(language.root):] if owner == code else relative
            if inside == SEARCH_INDEX:
                files[code].append(relative)
            elif relative.startswith(LUNR_FOLDER):
                if relative in lunr[code]:
                    files[code].append(relative)
            elif path.suffix in KEPT_SUFFIXES:
                files[code].append(relative)
    return files


def address(relative: str) -> str:
    """The address a reader opens a file by, from the site's root: a
    folder's index.html is opened as the folder ("exercises/arch-bridge/",
    "" for the home page), as every link in the site does."""
    path = PurePosixPath(relative)
    if path.name != "index.html":
        return relative
    return "" if str(path.parent) == "." else f"{path.parent}/"


def version(site_dir: Path, names: list[str]) -> str:
    """A name for these files as built: it changes when any of them does,
    so a reader's browser fetches the new worker and replaces that copy
    (and only that one: a change to the Chinese pages leaves an English
    reader's copy as it is)."""
    digest = hashlib.sha256()
    for relative in sorted(names):
        digest.update(relative.encode("utf-8") + b"\0" + (site_dir / relative).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def source_version(paths: list[Path]) -> str:
    """The build's sources (pages, templates, hooks, mkdocs.yml) as one
    name. Every page carries it, and so does the worker: a page whose
    build differs from the worker's is an older one (javascripts/offline.js
    then offers to show the new version)."""
    digest = hashlib.sha256()
    for root in sorted(set(paths)):
        files = [root] if root.is_file() else sorted(
            path for path in root.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
        for path in files:
            digest.update(str(path.relative_to(root.parent)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def sizes(site_dir: Path, files: dict[str, list[str]]) -> dict[str, int]:
    return {code: sum((site_dir / name).stat().st_size for name in names) for code, names in files.items()}


def worker(site_dir: Path, build: str, files: dict[str, list[str]]) -> str:
    """The service worker for this build: its id, and for each language
    (files: language_files of the site) its version, files, home page and
    words; then the code (offline_worker.js)."""
    languages = {}
    for code, names in files.items():
        language = LANGUAGES[code]
        languages[code] = {
            "version": version(site_dir, names),
            "files": [address(name) for name in names],
            "home": language.root,
            "lang": code,
            "words": {key: language.text[f"offline_missing_{key}"] for key in ("title", "text", "home")},
        }
    data = json.dumps({"build": build, "languages": languages}, ensure_ascii=False, separators=(",", ":"))
    return (
        "// Generated by the build (hooks/offline.py): this build's files, by language.\n"
        f"const BUILD = {data};\n" + WORKER_SOURCE.read_text(encoding="utf-8")
    )


# Under `mkdocs serve` editors must always see the page they just saved: the
# served site has no worker, and this one, fetched by a browser that kept a
# worker from a built copy on the same address, removes itself and its cache.
RETIRING_WORKER = """\
// `mkdocs serve`: no offline copy. This removes one a built copy left.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("leaflet ")) await caches.delete(name);  // offline_worker.js's PREFIX
    }
    await self.registration.unregister();
  })());
});
"""


def main(argv: list[str]) -> int:
    site_dir = Path(argv[1] if len(argv) > 1 else "site")
    if not built_languages(site_dir):
        print(f"{site_dir}: no built site here (no {SEARCH_INDEX}); run make build first", file=sys.stderr)
        return 1
    files = language_files(site_dir)
    for code, total in sizes(site_dir, files).items():
        print(f"{code}: {len(files[code])} files, {total:,} bytes (budget {BUDGET_BYTES:,})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
