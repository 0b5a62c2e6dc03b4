"""Compressed sizes, and a static server that compresses as real hosts do.

Readers on slow connections download what the host sends: HTML, CSS,
JavaScript, SVG and JSON gzip-compressed (GitHub Pages and every common
host do this). The page weight budget and the Lighthouse audit both count
those compressed bytes, so both use the same compression here.
"""

from __future__ import annotations

import functools
import gzip
import io
from contextlib import AbstractContextManager
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from local_site import run_server

# zlib's default level, the one web servers use unless told otherwise.
GZIP_LEVEL = 6

# Text types worth compressing; pictures in binary formats already are.
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)


def gzip_size(body: bytes) -> int:
    """Bytes on the wire for body sent gzip-compressed (header included)."""
    return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))


def wire_size(body: bytes, content_type: str) -> int:
    """Bytes on the wire for a response of this type from a gzip host."""
    if content_type.split(";")[0].strip().startswith(COMPRESSIBLE):
        return gzip_size(body)
    return len(body)


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves files like SimpleHTTPRequestHandler, gzipping text types."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.is_file() and content_type.startswith(COMPRESSIBLE)):
            return super().send_head()  # errors, redirects, binary files
        body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def serve_gzip(directory: Path, port: int = 0) -> AbstractContextManager[str]:
    """Serve directory gzip-compressed on 127.0.0.1; yields the base URL."""
    return run_server(functools.partial(_GzipHandler, directory=str(directory)), port)
