"""A page's front matter, in one place.

- reader.py: finds the front matter where MkDocs does and reads it, with
  the line of every value (`read`), or just its values (`values`);
- models.py: every field a page may carry, with its limits (pydantic);
- errors.py: pydantic's findings as one-line messages an editor can act on;
- rules.py: what needs more than one value, today's date or the files on
  disk (review dates, pictures, the card's picture);
- json_schema.py: the models as JSON Schema, for editors' YAML tools.
"""

from .reader import read, values

__all__ = ["read", "values"]
