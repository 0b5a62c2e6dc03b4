"""schema.org data (JSON-LD) for each page, from its front matter.

Every page is a `MedicalWebPage` about lumbar muscle strain, for patients,
with the date it was last reviewed and the role that looks after it, as its
`maintainer`. Not as `reviewedBy`: on a medical page that reads as a
clinical review, and the site editors are not clinicians. `reviewedBy` is
added only when whoever publishes the site names an organisation that has
reviewed the pages (mkdocs.yml: `extra.clinical_reviewer`, off by default;
overrides/partials/leaflet-meta.html adds it). An exercise page's
main entity is the exercise, as an `ExercisePlan`: its other names, the
position, how many and how often, the body areas it helps and its pictures.

The values here are the front matter's plain text: the template serialises
the result with Jinja's `tojson`, which escapes it for a <script> element.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping
from urllib.parse import urljoin

from . import doses
from .languages import ENGLISH, Language
from .languages import language as language_named
from .site_layout import PICTURES_URL

CONTEXT = "https://schema.org"
# What the whole leaflet is about.
CONDITION = {
    "@type": "MedicalCondition",
    "name": "Lumbar muscle strain",
    "alternateName": ["Lower back strain", "Pulled back muscle"],
}


def medical_web_page(
    meta: Mapping[str, Any],
    *,
    title: str,
    url: str | None,
    site_name: str,
    site_url: str,
    language: str,
    exercise: bool = False,
) -> dict[str, Any]:
    """The page as a `MedicalWebPage`, with an `ExercisePlan` for exercises."""
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "MedicalWebPage",
        "name": title,
        "description": _text(meta.get("description")),
        "url": url,
        "inLanguage": language,
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url},
        "about": CONDITION,
        "audience": "https://schema.org/Patient",
        "lastReviewed": _date(meta.get("reviewed")),
    }
    if meta.get("responsible"):
        data["maintainer"] = {"@type": "Organization", "name": _text(meta["responsible"])}
    if exercise:
        data["mainEntity"] = exercise_plan(meta, title=title, site_url=site_url, words=language_named(language))
    return _without_empty(data)


def exercise_plan(meta: Mapping[str, Any], *, title: str, site_url: str, words: Language = ENGLISH) -> dict[str, Any]:
    """The exercise as a schema.org `ExercisePlan`."""
    dose = meta.get("dose") if isinstance(meta.get("dose"), Mapping) else {}
    plan: dict[str, Any] = {
        "@type": "ExercisePlan",
        "name": title,
        "description": _text(meta.get("description")),
        "alternateName": _texts(meta.get("aliases")),
        "exerciseType": _text(meta.get("position")),
        # The Beginner dose as a QuantitativeValue: in words ("About 5
        # times at first, building up to 20 to 40 times"), and the numbers
        # it builds up to.
        "repetitions": _repetitions(dose, words) if dose else None,
        "activityFrequency": doses.how_often(dose, words) if dose else None,
        "associatedAnatomy": [
            {"@type": "SuperficialAnatomy", "name": area} for area in _texts(meta.get("body_areas"))
        ],
        "image": [
            _without_empty(
                {
                    "@type": "ImageObject",
                    "contentUrl": urljoin(site_url, PICTURES_URL + str(picture["src"])),
                    "description": _text(picture.get("alt")),
                    "caption": _text(picture.get("caption")),
                }
            )
            for picture in meta.get("pictures") or []
            if isinstance(picture, Mapping) and picture.get("src")
        ],
    }
    return _without_empty(plan)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _texts(values: Any) -> list[str]:
    if isinstance(values, (list, tuple)):
        return [text for text in (_text(value) for value in values) if text]
    text = _text(values)
    return [text] if text else []


def _date(value: Any) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    return _text(value)


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _repetitions(dose: Mapping[str, Any], words: Language) -> dict[str, Any]:
    level = dose.get("beginner") if isinstance(dose.get("beginner"), Mapping) else {}
    aim = level.get("target") if level.get("target") is not None else level.get("start")
    low, high = (aim[0], aim[1]) if isinstance(aim, (list, tuple)) else (aim, aim)
    return _without_empty(
        {
            "@type": "QuantitativeValue",
            "description": doses.how_many(dose, words),
            "minValue": low,
            "maxValue": high,
            # UN/CEFACT common codes: MIN is a minute; a count has none.
            "unitCode": "MIN" if level.get("unit") == "minutes" else None,
        }
    )
