"""The front matter schema as JSON Schema, for editors' YAML tooling.

schemas/page.schema.json is this, written by
`python scripts/check_pages.py --write-schema`; a test keeps the two equal.
"""

from __future__ import annotations

import json
from typing import Union

from pydantic import TypeAdapter

from .models import ExercisePage, Page

SCHEMA_FILE = "schemas/page.schema.json"

HOW_TO_USE = (
    "Regenerate with: python scripts/check_pages.py --write-schema. "
    "VS Code: with the YAML extension (redhat.vscode-yaml), add to .vscode/settings.json "
    '"yaml.schemas": {"./schemas/page.schema.json": "*.front-matter.yaml"}, draft the '
    "front matter in a file named like arch-bridge.front-matter.yaml to get completion "
    "and checks as you type, then paste it between the page's --- lines. That extension "
    "does not read front matter inside .md files (redhat-developer/vscode-yaml#207). "
    "The schema cannot tell exercise pages (docs/exercises/) from others, check dates "
    "against today, or look at pictures and the page body: scripts/check_pages.py does."
)


def json_schema() -> dict:
    # anyOf: a page is either a general page or an exercise page; the
    # checker knows which by its folder, a schema cannot.
    schema = TypeAdapter(Union[ExercisePage, Page]).json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Front matter of a leaflet page",
        "$comment": HOW_TO_USE,
        **schema,
    }


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
