"""The clinic that hands the leaflet out: `extra.clinic` in mkdocs.yml.

Absent by default. When a clinic sets it, every page's footer and every
printed sheet say whom to call with questions ("Questions? Call ..."),
with the clinic's website and, if given, its logo. Checked with the pages
(leaflet/check.py, hooks/page_checker.py): a wrong value stops the build
with one line per problem naming mkdocs.yml, the line and the fix.

    extra:
      clinic:
        name: Example Physiotherapy Clinic
        phone: +44 20 7946 0958
        website: https://clinic.example.org/
        logo: assets/clinic-logo.svg    # optional, a file in docs/
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Optional
from urllib.parse import urlsplit, urlunsplit

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .escaping import html_text
from .languages import Language
from .problems import ERROR, Problem

CONFIG_NAME = "mkdocs.yml"
FIELD_PATH = "extra.clinic"
# A logo is shown small, in the footer: it needs no more than this.
LOGO_BUDGET_BYTES = 20_000
LOGO_SUFFIXES = (".svg", ".png", ".webp", ".jpg", ".jpeg")
LOGO_HEIGHT_PX = 40
# A number as people write it to dial: digits with spaces, dots, dashes or
# brackets between them, and an optional + for the country code. ITU-T
# E.164 numbers have at most 15 digits; no real number has fewer than 5.
PHONE = re.compile(r"\+?[0-9](?:[0-9 .()\-]*[0-9])?")
PHONE_DIGITS = range(5, 16)
PLAIN_PATH = re.compile(r"[A-Za-z0-9_\-]+(?:/[A-Za-z0-9_\-]+)*\.[A-Za-z0-9]+")
ONE_LINE = re.compile(r"[^\x00-\x1f\x7f\u2028\u2029]+")


class Clinic(BaseModel):
    """What a clinic may set; nothing else (a misspelt key is an error)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: str = Field(min_length=2, max_length=80, pattern=f"^{ONE_LINE.pattern}$")
    phone: str
    website: str = Field(max_length=200)
    logo: Optional[str] = Field(default=None, max_length=200)

    @field_validator("phone")
    @classmethod
    def _dialable(cls, value: str) -> str:
        digits = sum(character.isdigit() for character in value)
        if not PHONE.fullmatch(value) or digits not in PHONE_DIGITS:
            raise ValueError(
                f"{value!r} is not a phone number: write it as readers dial it, with digits, "
                "spaces and an optional +, e.g. '+44 20 7946 0958' or '020 7946 0958'")
        return value

    @field_validator("website")
    @classmethod
    def _https(cls, value: str) -> str:
        address = https_address(value)
        if address is None:
            raise ValueError(f"{value!r} is not an https:// address: write the clinic's website in full, "
                             "e.g. 'https://clinic.example.org/'")
        return address

    @field_validator("logo")
    @classmethod
    def _plain_path(cls, value: Optional[str]) -> Optional[str]:
        if value is None:
            return None
        if not PLAIN_PATH.fullmatch(value) or not value.lower().endswith(LOGO_SUFFIXES):
            raise ValueError(
                f"{value!r} is not a picture file in the docs folder: give its path there, "
                f"e.g. 'assets/clinic-logo.svg' ({', '.join(LOGO_SUFFIXES)})")
        return value

    def dial(self) -> str:
        """The number as a tel: link dials it: digits and the leading +."""
        return ("+" if self.phone.startswith("+") else "") + re.sub(r"\D", "", self.phone)


def https_address(value: Any) -> Optional[str]:
    """An https address with a host, rebuilt from its parsed parts, or None."""
    if not isinstance(value, str):
        return None
    try:
        parts = urlsplit(value.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() != "https" or not host or parts.username or parts.password or " " in value.strip():
        return None
    return urlunsplit(("https", parts.netloc.lower(), parts.path or "/", parts.query, parts.fragment))


@dataclass(frozen=True)
class ClinicProblem:
    field: Optional[str]
    message: str


def read_clinic(value: Any, docs_dir: Path) -> tuple[Optional[Clinic], list[ClinicProblem]]:
    """extra.clinic as a Clinic (None when absent), or its problems."""
    if value is None:
        return None, []
    if not isinstance(value, dict):
        return None, [ClinicProblem(None, "must be a mapping with name, phone, website and an optional logo")]
    try:
        clinic = Clinic.model_validate(value)
    except ValidationError as error:
        return None, [_problem(detail) for detail in error.errors()]
    if clinic.logo is not None:
        logo = docs_dir / PurePosixPath(clinic.logo)
        if not logo.is_file():
            return None, [ClinicProblem("logo", f"{docs_dir.name}/{clinic.logo} does not exist: add the file, "
                                                "or remove `logo`")]
        size = logo.stat().st_size
        if size > LOGO_BUDGET_BYTES:
            return None, [ClinicProblem("logo", f"{docs_dir.name}/{clinic.logo} is {size:,} bytes: make it "
                                                f"{LOGO_BUDGET_BYTES:,} bytes or less (it is shown "
                                                f"{LOGO_HEIGHT_PX} px high)")]
    return clinic, []


def _problem(detail: dict) -> ClinicProblem:
    field = str(detail["loc"][0]) if detail.get("loc") else None
    if detail["type"] == "extra_forbidden":
        return ClinicProblem(field, f"unknown setting '{field}': the settings are name, phone, website and logo")
    if detail["type"] == "missing":
        return ClinicProblem(field, f"'{field}' is required")
    if detail["type"] == "string_pattern_mismatch":
        return ClinicProblem(field, "must be one line of text")
    limits = detail.get("ctx", {})
    if detail["type"] == "string_too_long":
        return ClinicProblem(field, f"is too long: at most {limits.get('max_length')} characters")
    if detail["type"] == "string_too_short":
        return ClinicProblem(field, f"is too short: at least {limits.get('min_length')} characters")
    message = str(detail.get("msg", "")).removeprefix("Value error, ")
    return ClinicProblem(field, message)


def clinic_problems(value: Any, docs_dir: Path, config_text: str) -> list[Problem]:
    """The page checker's problems for extra.clinic, each naming the line
    of mkdocs.yml it is on (found in config_text)."""
    return [
        Problem(CONFIG_NAME, _line_of(config_text, problem.field), ERROR,
                f"{FIELD_PATH}{'.' + problem.field if problem.field else ''}: {problem.message}")
        for problem in read_clinic(value, docs_dir)[1]
    ]


def _line_of(config_text: str, field: Optional[str]) -> Optional[int]:
    """The line of `clinic:` under `extra:`, or of field under it."""
    lines = config_text.split("\n")
    start = next((n for n, text in enumerate(lines) if re.match(r"\s+clinic\s*:", text)), None)
    if start is None:
        return None
    if field:
        indent = len(lines[start]) - len(lines[start].lstrip())
        for n in range(start + 1, len(lines)):
            text = lines[n]
            if text.strip() and len(text) - len(text.lstrip()) <= indent:
                break
            if re.match(rf"\s+{re.escape(field)}\s*:", text):
                return n + 1
    return start + 1


def footer_html(clinic: Clinic, language: Language) -> Markup:
    """"Questions? Call <name> on <number>." and the website, as HTML: every
    value escaped here, the links built from the parsed values."""
    words = language.text
    number = Markup('<a href="tel:{}">{}</a>').format(clinic.dial(), clinic.phone)
    website = Markup('<a href="{}">{}</a>').format(clinic.website, _shown_address(clinic.website))
    return Markup(html_text(words["clinic_questions"])).format(name=clinic.name, phone=number) + Markup(
        html_text(words["clinic_website"])).format(website=website)


def print_line(clinic: Clinic, language: Language) -> str:
    """The same as plain text, for the top of every printed sheet."""
    words = language.text
    return (words["clinic_questions"].format(name=clinic.name, phone=clinic.phone)
            + words["clinic_website"].format(website=_shown_address(clinic.website)))


def _shown_address(address: str) -> str:
    """The website as people say it: no https://, no lone trailing slash."""
    shown = address.removeprefix("https://")
    return shown[:-1] if shown.endswith("/") and shown.count("/") == 1 else shown
