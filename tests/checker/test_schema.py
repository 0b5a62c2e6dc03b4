"""schemas/page.schema.json is what the models say, and says it usefully."""

from __future__ import annotations

import json

from checker_support import PROJECT

from leaflet.front_matter.json_schema import SCHEMA_FILE, json_schema, schema_text


def test_the_published_schema_matches_the_code():
    published = (PROJECT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert published == schema_text(), "run: python scripts/check_pages.py --write-schema"


def test_the_schema_knows_both_kinds_of_page_and_forbids_unknown_fields():
    schema = json_schema()
    definitions = schema["$defs"]
    assert {ref["$ref"] for ref in schema["anyOf"]} == {"#/$defs/ExercisePage", "#/$defs/Page"}
    page, exercise = definitions["Page"], definitions["ExercisePage"]
    assert page["additionalProperties"] is False and exercise["additionalProperties"] is False
    assert set(page["required"]) == {"title", "description", "reviewed", "review_due", "responsible"}
    assert set(exercise["required"]) - set(page["required"]) == {
        "aliases", "position", "dose", "body_areas", "pictures", "references"
    }
    assert page["properties"]["reviewed"]["format"] == "date"
    assert page["properties"]["responsible"]["enum"] == ["Site editors", "Clinical reviewers", "Physiotherapy team"]
    assert (page["properties"]["description"]["minLength"], page["properties"]["description"]["maxLength"]) == (50, 160)
    assert exercise["properties"]["pictures"]["minItems"] == 2
    # Every field has the hover text editors show.
    for definition in definitions.values():
        for name, field in definition["properties"].items():
            assert field.get("description"), name
    json.dumps(schema)  # plain JSON, nothing left over from Python
