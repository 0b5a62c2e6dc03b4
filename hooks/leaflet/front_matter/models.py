"""The front matter schema, as pydantic models.

Each field's description is a short noun phrase that serves twice: in
error messages ("'reviewed' is required (a date, e.g. 2026-11-24)") and as
the hover text editors show from schemas/page.schema.json. Write new ones
so both read well.

These models check each value on its own. Rules that need today's date,
the files on disk or two fields together live in rules.py.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, Optional, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, create_model, model_validator

from ..languages import DEFAULT, ENGLISH, LANGUAGES, Language
from ..material import existing_icon
from ..text_rules import plain_text, rule_error, web_address
from ..wording import describe, one_of

# Roles, never people: a leaflet names who is accountable without
# publishing anyone's name, and a role outlives staff changes.
Role = Literal["Site editors", "Clinical reviewers", "Physiotherapy team"]
ROLES = get_args(Role)

Position = Literal["standing", "lying on your back", "lying face down", "walking"]
POSITIONS = get_args(Position)

Hideable = Literal["navigation", "toc", "footer", "tags"]
HIDEABLE = get_args(Hideable)

# Material's own page keys, limited to what this leaflet can show safely.
# `status` becomes part of a class name and `template` replaces the page's
# whole layout (`404.html` would turn a page into "Page not found"), so both
# are choices, not free text. Material knows these two statuses.
Status = Literal["new", "deprecated"]
STATUSES = get_args(Status)
# interactive.html: the guided session and the progress chart, the only
# pages that load the session's scripts (overrides/interactive.html).
Template = Literal["main.html", "interactive.html"]
TEMPLATES = get_args(Template)

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A bare file name of plain letters, digits, dots, dashes and underscores
# (pictures all live in docs/assets/pictures/): nothing that could end a
# link, an attribute or a Markdown image.
PICTURE_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(svg|png|jpg|jpeg|webp)$")
# Dates an editor can mean: years like 9999 are typos, and arithmetic on
# them (review_due a few years on) would run past what a date can hold.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)

# Limits, so that no field can swamp a page, the navigation of every page
# or the search index that every page loads.
TITLE_MAX = 80
SUBTITLE_MAX = 80
ALIASES_MAX = 20
SHORT_TEXT_MAX = 60  # one alias, tag, body area or icon name
CAPTION_MAX = 200
ALT_MAX = 300
REFERENCE_TITLE_MAX = 200
URL_MAX = 500
LIST_MAX = 20  # tags, body areas, pictures, references
BOOST_MAX = 10


def as_date(value: Any) -> Any:
    """YAML reads 2026-11-25 as a date but "2026-11-25" (quoted) as text;
    both mean the same to an editor, so quoted ISO dates count as dates."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def sensible_date(value: date) -> date:
    if not FIRST_DAY <= value <= LAST_DAY:
        raise rule_error(f"must be a date between {FIRST_DAY.year} and {LAST_DAY.year}, not {value.isoformat()}")
    return value


Day = Annotated[date, BeforeValidator(as_date), AfterValidator(sensible_date)]
# Plain text: something to see (not only spaces or invisible characters),
# and no control characters (leaflet/text_rules.py).
Text = Annotated[str, Field(min_length=1), AfterValidator(plain_text)]


def text(max_length: int) -> Any:
    return Annotated[str, Field(min_length=1, max_length=max_length), AfterValidator(plain_text)]


ShortText = text(SHORT_TEXT_MAX)
WebAddress = Annotated[str, Field(max_length=URL_MAX), AfterValidator(web_address)]
IconName = Annotated[str, Field(max_length=SHORT_TEXT_MAX), AfterValidator(existing_icon)]


class Strict(BaseModel):
    # strict: YAML already gives real types; coercing "yes" to true or 5 to
    # "5" would hide mistakes. forbid: a misspelt key must be an error, not
    # a silently ignored extra.
    model_config = ConfigDict(strict=True, extra="forbid")


class Search(Strict):
    # allow_inf_nan: NaN or infinity would be written into the search index
    # as NaN or Infinity, which JSON.parse rejects: search would break.
    boost: Optional[float] = Field(
        None,
        ge=0,
        le=BOOST_MAX,
        allow_inf_nan=False,
        description=f"a number from 0 to {BOOST_MAX} that ranks this page higher in search, e.g. 2",
    )
    exclude: Optional[bool] = Field(None, description="true to leave this page out of search")


ALIASES = (
    f"a list of at most {ALIASES_MAX} other names people search for, each at most "
    f"{SHORT_TEXT_MAX} characters, e.g. [Bridge, Glute bridge]"
)


class Page(Strict):
    """Front matter every page has."""

    title: text(TITLE_MAX) = Field(description=f"the page's title, at most {TITLE_MAX} characters, e.g. Arch bridge")
    description: Annotated[str, AfterValidator(plain_text)] = Field(
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
    tags: Optional[list[ShortText]] = Field(
        None, max_length=LIST_MAX, description=f"a list of at most {LIST_MAX} tags, e.g. [back, stretching]"
    )
    icon: Optional[IconName] = Field(None, description="the name of one of Material's icons, e.g. material/run")
    status: Optional[Status] = Field(None, description=f"one of {one_of(STATUSES)}")
    template: Optional[Template] = Field(None, description=f"one of {one_of(TEMPLATES)}")
    subtitle: Optional[text(SUBTITLE_MAX)] = Field(
        None, description=f"a subtitle shown under the title in navigation, at most {SUBTITLE_MAX} characters"
    )
    # Search keywords on any page (hooks/exercise_blocks.py); exercise
    # pages must have them.
    aliases: Optional[list[ShortText]] = Field(
        None, min_length=1, max_length=ALIASES_MAX, description=ALIASES
    )


# How often an exercise is done; the routine groups exercises by it, in this
# order (leaflet/doses.py words each one in every language).
When = Literal["morning and evening", "once a day", "a few times a week"]
WHENS = get_args(When)
# What one repetition is: once, once each way (forward and back), once on
# each side, or once in a direction that changes every time.
Counted = Literal["once", "each way", "each side", "changing direction"]
COUNTED = get_args(Counted)
Unit = Literal["times", "minutes"]
UNITS = get_args(Unit)
AMOUNT_MAX = 100
HOLD_MAX = 60


def amount(value: Any) -> Any:
    """One number (5) or a range ([2, 3], low first): YAML gives an int or
    a list, and anything else gets one message saying both forms."""
    if isinstance(value, bool):
        raise rule_error(f"must be a number or a range like [2, 3], not {describe(value)}")
    if isinstance(value, int):
        if not 1 <= value <= AMOUNT_MAX:
            raise rule_error(f"must be a number from 1 to {AMOUNT_MAX}, not {value}")
        return value
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in value)
    ):
        low, high = value
        if not 1 <= low < high <= AMOUNT_MAX:
            raise rule_error(
                f"must be a range of two numbers from 1 to {AMOUNT_MAX}, the smaller first, e.g. [20, 40], not {value}"
            )
        return (low, high)
    raise rule_error(f"must be a number (e.g. 5) or a range (e.g. [20, 40]), not {describe(value)}")


Amount = Annotated[Any, AfterValidator(amount)]


def lowest(value: int | tuple[int, int]) -> int:
    return value[0] if isinstance(value, tuple) else value


def highest(value: int | tuple[int, int]) -> int:
    return value[1] if isinstance(value, tuple) else value


class Level(Strict):
    """The dose of one version (Beginner or Progressed): what the page's
    steps say (leaflet/doses.py writes them), the routine lists and a
    guided session counts."""

    unit: Unit = Field("times", description=f"what is counted: {one_of(UNITS)}")
    counted: Counted = Field("once", description=f"how a repetition counts: {one_of(COUNTED)}")
    start: Amount = Field(description="how many to start with, a number or a range, e.g. 5 or [2, 3]")
    weekly_step: int = Field(
        0, ge=0, le=AMOUNT_MAX, description="how many to add each week, about; 0 if it stays the same, e.g. 5"
    )
    target: Optional[Amount] = Field(
        None, description="how many to build up to, a number or a range, e.g. [20, 40]; needed with 'weekly_step'"
    )
    hold_seconds: int = Field(0, ge=0, le=HOLD_MAX, description=f"how long to hold each one, 0 to {HOLD_MAX} seconds")

    @model_validator(mode="after")
    def _builds_up(self) -> "Level":
        # Read after the level's name: "'beginner' must not have ...".
        if self.target is not None and lowest(self.target) < highest(self.start):
            raise rule_error("must not have a 'target' below its 'start': build up to it, or leave 'target' out")
        # A session adds the weekly step every week: without a ceiling it
        # would never stop asking for more.
        if self.weekly_step and self.target is None:
            raise rule_error(
                "must say what to build up to: add 'target', e.g. target: 15, or leave 'weekly_step' out"
            )
        if self.unit == "minutes" and self.hold_seconds:
            raise rule_error("must not have a 'hold_seconds' when it is done for minutes: leave it out")
        if self.target is not None and self.target != self.start and not self.weekly_step:
            raise rule_error(
                "must say about how many to add each week to reach its 'target' from its 'start': "
                "add 'weekly_step', e.g. weekly_step: 4"
            )
        return self


class Dose(Strict):
    when: When = Field(description=f"how often: {one_of(WHENS)}")
    suggestion: bool = Field(
        False,
        description="true when the amounts are the leaflet's own suggestion, not from its source or from research",
    )
    beginner: Level = Field(description="the Beginner version's 'start' and more, each on its own indented line")
    progressed: Level = Field(description="the Progressed version's 'start' and more, each on its own indented line")


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
            description=(
                "a file name in docs/assets/pictures/ ending in .svg, .png, .jpg or .webp, e.g. arch-bridge-start.svg"
            ),
        )
        alt: Annotated[str, AfterValidator(plain_text)] = Field(
            max_length=ALT_MAX, pattern=alt_pattern, description=alt_description
        )
        caption: text(CAPTION_MAX) = Field(description="a short caption, e.g. Start. Lie on your back.")

    return Picture


Picture = _picture_model(ENGLISH)


class Reference(Strict):
    title: text(REFERENCE_TITLE_MAX) = Field(
        description="the source's title, e.g. Low back pain and sciatica in over 16s (NICE guideline NG59)"
    )
    url: WebAddress = Field(description="a web address starting with https://, e.g. https://www.nice.org.uk/guidance/ng59")


SUMMARY_MAX = 100


class Card(Strict):
    """How the exercise is shown in the home page's list (hooks/exercise_blocks.py)."""

    picture: str = Field(
        pattern=PICTURE_FILE.pattern,
        description="the file name of one of the page's pictures, e.g. arch-bridge-five-point.svg",
    )
    summary: text(SUMMARY_MAX) = Field(
        description=f"one short sentence, at most {SUMMARY_MAX} characters, e.g. Lift your hips to make your back stronger."
    )


class ExercisePage(Page):
    """Front matter of a page in docs/exercises/."""

    aliases: list[ShortText] = Field(min_length=1, max_length=ALIASES_MAX, description=ALIASES)
    position: Position = Field(description=f"one of {one_of(POSITIONS)}")
    dose: Dose = Field(description="'when', 'beginner' and 'progressed', each on its own indented line")
    body_areas: list[ShortText] = Field(
        min_length=1, max_length=LIST_MAX, description="a list of body areas it helps, e.g. [buttocks, lower back]"
    )
    pictures: list[Picture] = Field(
        min_length=2,
        max_length=LIST_MAX,
        description="a list of at least 2 pictures, each with 'src', 'alt' and 'caption'",
    )
    references: list[Reference] = Field(
        min_length=1,
        max_length=LIST_MAX,
        description="a list of at least 1 reference, each with 'title' and 'url'",
    )
    card: Optional[Card] = Field(
        None,
        description="the home page's card: 'picture' (one of the page's pictures) and 'summary' "
        "(without it: the second picture and the description)",
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
