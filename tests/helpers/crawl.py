"""Crawl a served site and report every reference that does not resolve.

Starting from the given pages, it fetches every HTML page it can reach and
checks each thing a page refers to: links, pictures (src and srcset),
stylesheets, icons, scripts, the CSS files' url()s, absolute URLs in <meta>
and in structured data (JSON-LD), Material's search worker and search index
(every result's location, anchor included). A reference
must answer 200 and stay under the site's base URL; an #anchor must name an
element of the page it points to. Links to other hosts are not fetched,
but one to this machine outside the site is a problem.
"""

from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass, field
from urllib.error import HTTPError
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import urlopen

from bs4 import BeautifulSoup

from leaflet.languages import LANGUAGES

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}
NOT_FETCHED_SCHEMES = {"javascript", "mailto", "tel", "data"}
# (tag, attribute) pairs that hold one URL, and those that hold a srcset.
URL_ATTRIBUTES = [
    ("a", "href"), ("area", "href"), ("link", "href"),
    ("img", "src"), ("script", "src"), ("source", "src"), ("iframe", "src"),
    ("video", "src"), ("video", "poster"), ("audio", "src"), ("embed", "src"),
    ("object", "data"),
]
SRCSET_ATTRIBUTES = [("img", "srcset"), ("source", "srcset")]
ABSOLUTE_URL = re.compile(r"https?://\S+$")
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""")


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes

    @property
    def is_html(self) -> bool:
        return self.content_type.startswith("text/html")


@dataclass
class Crawl:
    base: str  # http://127.0.0.1:PORT/REPO/
    problems: list[str] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)  # HTML pages checked
    external: set[str] = field(default_factory=set)  # other hosts: not fetched
    _responses: dict[str, Response] = field(default_factory=dict)
    _ids: dict[str, set[str]] = field(default_factory=dict)
    _stylesheets: set[str] = field(default_factory=set)
    _queue: deque = field(default_factory=deque)
    _search_checked: bool = False

    def get(self, url: str) -> Response:
        """Fetch url (without its fragment), once."""
        url = urldefrag(url).url
        if url not in self._responses:
            try:
                with urlopen(url, timeout=10) as answer:
                    response = Response(answer.url, answer.status,
                                        answer.headers.get_content_type(), answer.read())
            except HTTPError as error:
                response = Response(url, error.code, error.headers.get_content_type(), error.read())
            self._responses[url] = response
        return self._responses[url]

    def run(self, *start: str, expect_status: int = 200) -> None:
        """Check the start pages, then every HTML page reachable from them."""
        for url in start:
            response = self.get(url)
            if response.status != expect_status:
                self.problems.append(f"{url}: answered {response.status}, expected {expect_status}")
            elif response.is_html:
                self._check_html(url, response)
        while self._queue:
            url = self._queue.popleft()
            if url not in self.pages:
                self._check_html(url, self.get(url))

    def inside(self, url: str) -> bool:
        return url.startswith(self.base)

    # -- one page ---------------------------------------------------------

    def _check_html(self, page_url: str, response: Response) -> None:
        self.pages.add(urldefrag(page_url).url)
        soup = BeautifulSoup(response.body, "html.parser")
        for tag, attribute in URL_ATTRIBUTES:
            for element in soup.find_all(tag, attrs={attribute: True}):
                self._check_ref(page_url, f"<{tag} {attribute}>", element[attribute])
        for tag, attribute in SRCSET_ATTRIBUTES:
            for element in soup.find_all(tag, attrs={attribute: True}):
                for candidate in element[attribute].split(","):
                    if candidate.strip():
                        self._check_ref(page_url, f"<{tag} {attribute}>", candidate.split()[0])
        # Absolute URLs in <meta content> (og:url, ...) and in structured data.
        for element in soup.find_all("meta", attrs={"content": ABSOLUTE_URL}):
            self._check_ref(page_url, "<meta content>", element["content"])
        for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
            for value in _strings(json.loads(script.string)):
                if ABSOLUTE_URL.match(value):
                    self._check_ref(page_url, "structured data URL", value)
        config = soup.find("script", id="__config")
        if config is not None:
            self._check_material_config(page_url, json.loads(config.string))

    def _check_material_config(self, page_url: str, config: dict) -> None:
        # Material's JavaScript finds the site root, the search worker and
        # the search index from "base", relative to the page.
        # Each language is its own site under its root ("zh/"), with its
        # own search index.
        base = urljoin(page_url, config["base"].rstrip("/") + "/")
        language_roots = {self.base + language.root for language in LANGUAGES.values()}
        expected = max((root for root in language_roots if page_url.startswith(root)), key=len)
        if base != expected:
            self.problems.append(f"{page_url}: Material's base resolves to {base}, not {expected}")
            return
        # The worker's URL is relative to the page, like every other asset.
        self._check_ref(page_url, "search worker", config["search"])
        if not self._search_checked:
            self._search_checked = True
            index_url = urljoin(base, "search/search_index.json")
            self._check_ref(page_url, "search index", index_url)
            response = self.get(index_url)
            if response.status == 200:
                for doc in json.loads(response.body)["docs"]:
                    self._check_ref(index_url, "search result", doc["location"], relative_to=base)

    def _check_css(self, css_url: str, response: Response) -> None:
        text = response.body.decode("utf-8", "replace")
        for match in CSS_URL.finditer(text):
            value = match.group(2) or match.group(4) or ""
            self._check_ref(css_url, "CSS url()", value)

    # -- one reference ----------------------------------------------------

    def _check_ref(self, where: str, kind: str, value: str, *, relative_to: str | None = None) -> None:
        value = value.strip()
        if value in ("", "#"):  # empty, or the top of this page
            return
        url = urljoin(relative_to or where, value)
        parts = urlsplit(url)
        if parts.scheme in NOT_FETCHED_SCHEMES:
            return

        def problem(reason: str) -> None:
            self.problems.append(f"{where}: {kind} {value!r} {reason}")

        if parts.scheme not in ("http", "https"):
            return problem(f"has an unexpected scheme ({parts.scheme})")
        if not self.inside(url):
            if parts.hostname in LOCAL_HOSTS:
                return problem(f"leaves the site: {url} is outside {self.base}")
            self.external.add(url)
            return
        response = self.get(url)
        if response.status != 200:
            return problem(f"-> {url} answered {response.status}")
        if not self.inside(response.url):
            return problem(f"-> {url} was redirected out of the site, to {response.url}")
        target = urldefrag(response.url).url
        if response.is_html:
            if target not in self.pages:
                self._queue.append(target)
            fragment = unquote(parts.fragment)
            if fragment and fragment not in self._ids_of(target, response):
                problem(f"-> no element with id {fragment!r} in {target}")
        elif response.content_type == "text/css" and target not in self._stylesheets:
            self._stylesheets.add(target)
            self._check_css(target, response)

    def _ids_of(self, url: str, response: Response) -> set[str]:
        if url not in self._ids:
            soup = BeautifulSoup(response.body, "html.parser")
            self._ids[url] = {e["id"] for e in soup.find_all(id=True)} | {
                e["name"] for e in soup.find_all("a", attrs={"name": True})}
        return self._ids[url]


def _strings(data):
    """Every string inside parsed JSON."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
