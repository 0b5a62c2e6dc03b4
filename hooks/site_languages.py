"""MkDocs hook: what each language's build of the site needs beyond
mkdocs-static-i18n (see leaflet/languages.py for the words themselves).

The i18n plugin builds the English site, then builds the site again for
each other language, under /zh/, with the same plugins. This hook, for the
language being built:

- gives the templates in overrides/ their words as `config.extra.leaflet_text`
  (Material's own interface words come from `theme.language`, which the
  i18n plugin sets), and the other languages' words as
  `config.extra.leaflet_other_languages` (for the one 404 page);
- titles the link beside each heading in the language (the toc
  extension's `permalink_title`);
- makes mkdocs-print-site-plugin write that language's whole-leaflet page
  under the language's folder (zh/print/) with a title in the language,
  instead of over the English one;
- keeps the default language's 404.html: there is one error page per
  site (GitHub Pages serves /404.html), and each language's build writes
  it (print-site needs that page's template context, so it cannot be
  skipped);
- points the print page's language selector at the other language's
  print page, and fixes the addresses of the pictures on zh/print/;
- takes Material's <link rel="alternate"> out of every page's head (see
  HEAD_ALTERNATE);
- splits the one search index the i18n plugin writes into one index per
  language (search/, zh/search/), each without what helps nobody find a
  page (leaflet/search_index.py);
- drops the copies of print-site's stylesheet and script that its
  on_config adds again on every language's build.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page

from leaflet.escaping import html_text
from leaflet.exercise_list import exercise_titles
from leaflet.languages import DEFAULT, LANGUAGES, language
from leaflet.exercise_html import unlink_pictures
from leaflet.search_index import trimmed


def building(config: MkDocsConfig) -> str:
    """The language being built: the i18n plugin's current language (set
    before each build), or the default before the first build starts."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return config.theme["language"]
    return i18n.current_language or i18n.default_language or DEFAULT


def default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.default_language if i18n is not None else config.theme["language"]


# Before print-site's on_config (0) creates its page from its config, and
# before the i18n plugin (-100) reconfigures the theme.
@event_priority(50)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    code = building(config)
    words = language(code)
    text = words.template_strings()
    # The print cover lists the exercises by name: from the pages, in the
    # order of nav, so a new exercise is listed with no other edit. The
    # cover prints its strings as HTML, so the titles are escaped here.
    titles = words.list_separator.join(
        html_text(title) for title in exercise_titles(Path(config.docs_dir), config.nav, code)
    )
    text["cover_contents"] = [item.replace("{exercises}", titles) for item in text["cover_contents"]]
    config.extra["leaflet_text"] = text
    # The one error page speaks every language (overrides/404.html).
    config.extra["leaflet_other_languages"] = [
        language(other).template_strings() for other in LANGUAGES if other != words.code
    ]
    # The title of the link beside each heading: Python-Markdown's toc
    # extension writes it, from the config each page is rendered with.
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink"):
        toc["permalink_title"] = words.text["permalink_title"]

    print_site = config.plugins.get("print-site")
    if print_site is not None:
        print_site.config["print_page_basename"] = words.root + "print"
        print_site.config["print_page_title"] = words.text["print_page_title"]

    return config


def on_pre_build(config: MkDocsConfig) -> None:
    config.extra_css = list(dict.fromkeys(config.extra_css))
    seen = set()
    scripts = []
    for script in config.extra_javascript:
        if str(script) not in seen:
            seen.add(str(script))
            scripts.append(script)
    config.extra_javascript = scripts


# Material writes <link rel="alternate" hreflang> in each page's head from
# extra.alternate, and its script fetches "sitemap.xml" under each of those
# addresses, expecting a language's root. The i18n plugin points them at the
# page's counterpart (zh/exercises/arch-bridge/), so every page view asked
# for two sitemaps that do not exist. The sitemap already gives each page's
# counterparts (xhtml:link hreflang), and the header's language selector
# links to them, so the head links go.
HEAD_ALTERNATE = re.compile(r'\n?[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_head_alternates(html: str) -> str:
    head, end, body = html.partition("</head>")
    return HEAD_ALTERNATE.sub("", head) + end + body


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return without_head_alternates(output)


_error_page: dict[str, bytes] = {}


# Before print-site (0) renders the whole-leaflet page.
@event_priority(10)
def _before_print_page(config: MkDocsConfig) -> None:
    # 404.html: keep the default language's (see the module's docstring).
    error_page = Path(config.site_dir, "404.html")
    if building(config) == default_language(config):
        if error_page.is_file():
            html = without_head_alternates(error_page.read_text(encoding="utf-8"))
            error_page.write_text(html, encoding="utf-8")
            _error_page["default"] = error_page.read_bytes()
    elif "default" in _error_page:
        error_page.write_bytes(_error_page["default"])

    # The print page's language selector: by now the i18n plugin has left it
    # pointing at the last page built; point it at each language's print page.
    # (The plugin sets it as an attribute of `extra`, which is what the
    # templates read.)
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(config.extra, "alternate", None):
        base = urlsplit(config.site_url or "").path.rstrip("/")
        config.extra.alternate = [
            {"name": lang.name, "link": f"{base}{lang.link}print/", "lang": lang.locale}
            for lang in i18n.config.languages
            if lang.build
        ]


PRINT_SITE_PERMALINK_TITLE = "title='Permanent link'"


# After print-site (0) has written it.
@event_priority(-50)
def _after_print_page(config: MkDocsConfig) -> None:
    """The print page (written by print-site, not as a page): no head
    alternates either, no links on its pictures, and its heading links
    titled in the language. print-site 2.9 takes its page to sit at the site's
    root (print/): it writes each picture's address as "../assets/...". On
    zh/print/ that is one folder short (the pictures are shared, at /assets/)."""
    words = language(building(config))
    root = words.root
    print_page = Path(config.site_dir, root, "print", "index.html")
    if print_page.is_file():
        html = unlink_pictures(without_head_alternates(print_page.read_text(encoding="utf-8")))
        # print-site titles the links of the headings it adds in English.
        html = html.replace(PRINT_SITE_PERMALINK_TITLE, f"title='{words.text['permalink_title']}'")
        if root:
            up = "../" * (root.count("/") + 1)
            html = html.replace('src="../assets/', f'src="{up}assets/')
        html = links_to_left_out_pages(html, config, root)
        # Its search, too, looks for the index from the host's root ("/"),
        # which under a project site's /REPO/ is another site.
        up = "../" * (root.count("/") + 1)
        html = html.replace(f'"base": "/{root}"', f'"base": "{up}{root}"', 1)
        print_page.write_text(html, encoding="utf-8")


def links_to_left_out_pages(html: str, config: MkDocsConfig, root: str) -> str:
    """print-site turns every link to a page of the site into a link to that
    page's section ("#zh-session"), even for the pages it leaves out (the
    guided session, About): those go back to the page itself, so the print
    page read on screen has no dead links."""
    plugin = config.plugins.get("print-site")
    for source in (plugin.config.get("exclude") if plugin else None) or []:
        stem = source.removesuffix(".md")
        code = stem.rsplit(".", 1)[1] if "." in stem else DEFAULT
        if language(code).root != root:
            continue
        url = language(code).root + stem.rsplit(".", 1)[0] + "/"
        # The print page is print/ under its language's root, as the page is.
        html = html.replace(f'href="#{url.strip("/").replace("/", "-")}"', f'href="../{url[len(root):]}"')
    return html


# After the i18n plugin (-100) has built every language and written one
# search index for them all.
@event_priority(-110)
def _search_index_per_language(config: MkDocsConfig) -> None:
    """Each language searches its own pages: search/search_index.json for
    English, zh/search/search_index.json for Chinese (overrides/main.html
    points the Chinese pages' search there). A reader gets results in the
    language they read, and no page loads the other language's index."""
    i18n = config.plugins.get("i18n")
    combined = Path(config.site_dir, "search", "search_index.json")
    if i18n is None or i18n.building or not combined.is_file():
        return
    index = json.loads(combined.read_text(encoding="utf-8"))
    roots = {code: language(code).root for code in i18n.build_languages}
    others = tuple(root for root in roots.values() if root)
    for code, root in roots.items():
        if root:
            docs = [{**doc, "location": doc["location"][len(root):]}
                    for doc in index["docs"] if doc["location"].startswith(root)]
        else:
            docs = [doc for doc in index["docs"] if not doc["location"].startswith(others)]
        # Only what helps a reader find a page (leaflet/search_index.py).
        docs = trimmed(docs, language(code), index["config"].get("separator", ""))
        own = {"config": {**index["config"], "lang": list(language(code).search_lang)}, "docs": docs}
        target = Path(config.site_dir, root, "search", "search_index.json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(own, separators=(",", ":"), default=str, ensure_ascii=False), encoding="utf-8")


on_post_build = CombinedEvent(_before_print_page, _after_print_page, _search_index_per_language)
