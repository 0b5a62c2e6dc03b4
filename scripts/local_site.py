"""Build the real site, serve it on 127.0.0.1 and open it in Chromium.

Shared by the test suite and by the scripts (screenshots, PDF, audit), so
that what the tests check and what a person looks at are the same pages.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from contextlib import AbstractContextManager, contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]

# Chromium flags for a closed network: without the background-networking
# ones Chromium keeps trying to reach Google's services.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class BuildFailed(RuntimeError):
    """mkdocs build --strict failed; the message is MkDocs' own output."""


def build_site(site_dir: Path, *, config: Path | None = None, env: dict | None = None,
               builder: str = "mkdocs") -> str:
    """Run `mkdocs build --strict` into site_dir and return its log. builder
    "properdocs" builds with ProperDocs instead (README, "Maintenance")."""
    command = [sys.executable, "-m", builder, "build", "--strict", "--site-dir", str(site_dir)]
    if config is not None:
        command += ["--config-file", str(config)]
    result = subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildFailed(result.stdout + result.stderr)
    return result.stdout + result.stderr


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that closes a connection early (it navigated away) is
        # normal in tests, not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def run_server(handler, port: int = 0, path: str = "/") -> Iterator[str]:
    """Run handler on 127.0.0.1 (a free port unless given) in a thread;
    yields the base URL, ending in path."""
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()


def serve(directory: Path, port: int = 0) -> AbstractContextManager[str]:
    """Serve directory on 127.0.0.1 (a free port unless given); yields the
    base URL."""
    return run_server(functools.partial(_QuietHandler, directory=str(directory)), port)


def chromium_executable() -> str | None:
    """Debian's chromium on PATH; None lets Playwright use its own build."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def launch_chromium(playwright):
    return playwright.chromium.launch(
        executable_path=chromium_executable(), args=CHROMIUM_ARGS
    )
