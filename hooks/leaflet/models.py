"""The front matter schema, as pydantic models.

Each field's description is a short noun phrase that serves twice: in
error messages ("'reviewed' is required (a date, e.g. 2026-11-24)") and as
the hover text editors show from schemas/page.schema.json. Write new ones
so both read well.

These models check each value on its own. Rules that need today's date,
the files on disk or two fields together live in page_rules.py.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, Optional, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model

from .languages import DEFAULT, ENGLISH, LANGUAGES, Language
from .wording import one_of

# Roles, never people: a leaflet names who is accountable without
# publishing anyone's name, and a role outlives staff changes.
Role = Literal["Site editors", "Clinical reviewers", "Physiotherapy team"]
ROLES = get_args(Role)

Position = Literal["standing", "lying on your back", "lying face down", "walking"]
POSITIONS = get_args(Position)

Hideable = Literal["navigation", "toc", "footer", "tags"]
HIDEABLE = get_args(Hideable)

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A bare file name: pictures all live in docs/assets/pictures/.
PICTURE_FILE = re.compile(r"^[^/\\]+\.(svg|png)$")


def as_date(value: Any) -> Any:
    """YAML reads 2026-11-25 as a date but "2026-11-25" (quoted) as text;
    both mean the same to an editor, so quoted ISO dates count as dates."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


Day = Annotated[date, BeforeValidator(as_date)]
# Pattern \S: a value of only spaces is as empty as no value.
Text = Annotated[str, Field(min_length=1, pattern=r"\S")]


class Strict(BaseModel):
    # strict: YAML already gives real types; coercing "yes" to true or 5 to
    # "5" would hide mistakes. forbid: a misspelt key must be an error, not
    # a silently ignored extra.
    model_config = ConfigDict(strict=True, extra="forbid")


class Search(Strict):
    boost: Optional[float] = Field(None, description="a number that ranks this page higher in search, e.g. 2")
    exclude: Optional[bool] = Field(None, description="true to leave this page out of search")


class Page(Strict):
    """Front matter every page has."""

    title: Text = Field(description="the page's title, e.g. Arch bridge")
    description: str = Field(
        min_length=50,
        max_length=160,
        description="a summary for search results, 50 to 160 characters",
    )
    reviewed: Day = Field(description="a date, e.g. 2026-11-24")
    review_due: Day = Field(description="a date after 'reviewed', at most 3 years after it, e.g. 2027-11-24")
    responsible: Role = Field(description=f"a role, never a person's name: {one_of(ROLES)}")
    # Material for MkDocs' own keys.
    hide: Optional[list[Hideable]] = Field(
        None, description=f"a list of parts of the page to hide: {one_of(HIDEABLE)}"
    )
    search: Optional[Search] = Field(None, description="search settings: 'boost' or 'exclude'")
    tags: Optional[list[Text]] = Field(None, description="a list of tags, e.g. [back, stretching]")
    icon: Optional[Text] = Field(None, description="an icon name, e.g. material/run")
    status: Optional[Text] = Field(None, description="a status name, e.g. new")
    template: Optional[Text] = Field(None, description="a template file name, e.g. main.html")
    subtitle: Optional[Text] = Field(None, description="a subtitle shown under the title in navigation")
    # Search keywords on any page (hooks/exercise_blocks.py); exercise
    # pages must have them.
    aliases: Optional[list[Text]] = Field(
        None, min_length=1, description="a list of other names people search for, e.g. [Bridge, Glute bridge]"
    )


class Dose(Strict):
    how_many: Text = Field(description="how many times, e.g. 20 to 40 times")
    how_often: Text = Field(description="how often, e.g. Once in the morning and once before bed")


def alt_text_rule(language: Language) -> tuple[str, str]:
    """(pattern, description) of a picture's alt text in a language: at
    least so many words, or, in a language written without spaces between
    words (Chinese), so many characters."""
    if language.min_alt_words:
        more = language.min_alt_words - 1
        return (
            rf"^\s*\S+(\s+\S+){{{more},}}",
            f"alt text that describes the picture in at least {language.min_alt_words} words",
        )
    return (
        rf"^\s*(\S\s*){{{language.min_alt_chars},}}",
        f"alt text that describes the picture in at least {language.min_alt_chars} characters",
    )


def _picture_model(language: Language) -> type[BaseModel]:
    alt_pattern, alt_description = alt_text_rule(language)

    class Picture(Strict):
        src: str = Field(
            pattern=PICTURE_FILE.pattern,
            description="a file name in docs/assets/pictures/ ending in .svg or .png, e.g. arch-bridge-start.svg",
        )
        alt: str = Field(pattern=alt_pattern, description=alt_description)
        caption: Text = Field(description="a short caption, e.g. Start. Lie on your back.")

    return Picture


Picture = _picture_model(ENGLISH)


class Reference(Strict):
    title: Text = Field(description="the source's title, e.g. Low back pain and sciatica in over 16s (NICE guideline NG59)")
    url: str = Field(pattern=r"^https?://\S+$", description="a web address starting with https://")


class ExercisePage(Page):
    """Front matter of a page in docs/exercises/."""

    aliases: list[Text] = Field(
        min_length=1, description="a list of other names people search for, e.g. [Bridge, Glute bridge]"
    )
    position: Position = Field(description=f"one of {one_of(POSITIONS)}")
    dose: Dose = Field(description="'how_many' and 'how_often', each on its own indented line")
    body_areas: list[Text] = Field(min_length=1, description="a list of body areas it helps, e.g. [buttocks, lower back]")
    pictures: list[Picture] = Field(
        min_length=2, description="a list of at least 2 pictures, each with 'src', 'alt' and 'caption'"
    )
    references: list[Reference] = Field(
        min_length=1, description="a list of at least 1 reference, each with 'title' and 'url'"
    )


# Front matter is the same in every language (controlled values stay
# English) except the alt text's least length: one exercise model each.
EXERCISE_PAGES: dict[str, type[ExercisePage]] = {
    code: ExercisePage
    if code == DEFAULT
    else create_model(
        "ExercisePage",
        __base__=ExercisePage,
        pictures=(
            list[_picture_model(language)],  # type: ignore[valid-type]
            ExercisePage.model_fields["pictures"],
        ),
    )
    for code, language in LANGUAGES.items()
}

EXERCISE_ONLY = tuple(name for name in ExercisePage.model_fields if name not in Page.model_fields)
