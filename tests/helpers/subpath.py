"""Serve a built site under a sub-path, as GitHub Pages serves a project
site at https://USER.github.io/REPO/.

Like GitHub Pages: files are served under /REPO/ only; a folder is served
by its index.html (and redirected to its name with a slash); anything
missing under /REPO/ gets the site's own 404.html with status 404; anything
outside /REPO/ is a bare 404, as another site's address would be.
"""

from __future__ import annotations

import functools
import io
from contextlib import AbstractContextManager
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

from local_site import run_server


class _SubPathHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix  # "/REPO/"
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(self.prefix):
            self.send_error(HTTPStatus.NOT_FOUND, "Outside the site's sub-path")
            return None
        inner = "/" + path[len(self.prefix):]
        local = Path(self.translate_path(inner))
        if local.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            local = local / "index.html"
        if not local.is_file():
            return self._site_404()
        # The base class serves the file at self.path, relative to directory.
        self.path = inner if not inner.endswith("/") else inner + "index.html"
        return super().send_head()

    def _site_404(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve_under(directory: Path, subpath: str) -> AbstractContextManager[str]:
    """Serve directory at http://127.0.0.1:PORT/SUBPATH/; yields that URL.

    The server starts before anything is built, so that the URL (with its
    port) can be the build's SITE_URL: files are read at each request.
    """
    prefix = "/" + unquote(subpath).strip("/") + "/"
    handler = functools.partial(_SubPathHandler, directory=str(directory), prefix=prefix)
    return run_server(handler, path=prefix)
