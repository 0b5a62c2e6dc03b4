"""What the leaflet's data files (red_flags.yml, pain_rule.yml) raise when
they cannot be used, and how a builder turns that into its own stop."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


class DataFileError(ValueError):
    """A data file, or a page's use of it, that cannot be used; the message
    names the file or page and the fix, in one line."""


@contextmanager
def stopping_with(stop: type[Exception]) -> Iterator[None]:
    """Re-raise a DataFileError as `stop` (MkDocs' PluginError, in a hook),
    with its one-line message and no traceback of ours behind it."""
    try:
        yield
    except DataFileError as error:
        raise stop(str(error)) from None
