"""MkDocs hook: an unexpected failure ends the build with one line, not a
Python traceback.

The page checker stops every broken page it knows of with `file:line:
message` lines. Anything else that fails (a bug in a hook or plugin, a
template error) makes MkDocs log "Error building page 'x.md': ..." and
re-raise, and Python then prints a traceback that tells an editor nothing
more. This hook replaces that last step: the error's type and message on
one line, naming the page MkDocs named just above it. `mkdocs build
--verbose` keeps the full traceback for whoever debugs the code.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.plugins.leaflet")


def one_line(error: BaseException) -> str:
    message = " ".join(str(error).split()) or "no message"
    return (
        f"the build stopped: {type(error).__name__}: {message} (the page is named in the line above, if any; "
        "run with --verbose for the full traceback)"
    )


def _excepthook(kind: type[BaseException], error: BaseException, trace: Optional[TracebackType]) -> None:
    if logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG) or not isinstance(error, Exception):
        sys.__excepthook__(kind, error, trace)
        return
    log.error(one_line(error))
    sys.exit(1)


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    sys.excepthook = _excepthook
    return config
