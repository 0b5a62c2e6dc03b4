"""Turn pydantic's validation errors into editor-friendly problems: the
line of the offending key, what is wrong, how to fix it, and "did you
mean" for misspelt keys and choices."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Mapping, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..problems import PageReport
from ..suggest import closest, quoted_list
from ..text_rules import RULE
from ..wording import Loc, describe, one_of, subject_and_prefix

FRONT_MATTER_START = 1  # the opening `---`: where "missing" points


def report_validation(
    model: type[BaseModel], data: Mapping[str, Any], lines: Mapping[Loc, int], report: PageReport
) -> None:
    try:
        model.model_validate(data)
    except ValidationError as error:
        details = error.errors(include_url=False)
        details += _short_lists_with_bad_items(model, data, details)
        suggested = _suggested_by_unknown_keys(model, details)
        for detail in details:
            loc = tuple(detail["loc"])
            # 'reveiwed' already says "did you mean 'reviewed'?"; saying
            # "'reviewed' is required" as well would be the same news twice.
            if detail["type"] == "missing" and loc in suggested:
                continue
            report.error(_line_of(loc, lines), _message(model, detail, loc))


def _line_of(loc: Loc, lines: Mapping[Loc, int]) -> int:
    """The line of the key itself, else of its nearest parent that has one."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return FRONT_MATTER_START


def _message(model: type[BaseModel], detail: Mapping[str, Any], loc: Loc) -> str:
    kind = detail["type"]
    value = detail.get("input")
    context = detail.get("ctx") or {}
    subject, prefix = subject_and_prefix(loc)
    hint = _hint(model, loc)

    if kind == "missing":
        return f"{prefix}{subject} is required ({hint})"
    if kind == RULE:
        return f"{prefix}{subject} {context['message']}"
    if kind == "extra_forbidden":
        return prefix + _unknown_key(loc[-1], _allowed_keys(model, loc[:-1]))
    if kind in ("too_short", "string_too_short") and _length(value) == 0:
        return f"{prefix}{subject} is empty ({hint})"
    if kind == "too_short":
        return f"{prefix}{subject} has {_items(_length(value))}, at least {context['min_length']} needed ({hint})"
    if kind == "too_long":
        return f"{prefix}{subject} has {_items(_length(value))}, at most {context['max_length']} allowed ({hint})"
    if kind == "string_too_short":
        return f"{prefix}{subject} is too short: {_length(value)} characters, at least {context['min_length']} needed ({hint})"
    if kind == "string_too_long":
        return f"{prefix}{subject} is too long: {_length(value)} characters, at most {context['max_length']} allowed ({hint})"
    message = f"{prefix}{subject} must be {hint}, not {describe(value)}"
    if kind == "literal_error" and isinstance(value, str):
        guess = closest(value, _choices(model, loc))
        if guess:
            message += f": did you mean '{guess}'?"
    return message


def _unknown_key(key: Any, allowed: tuple[str, ...]) -> str:
    guess = closest(str(key), allowed)
    if guess:
        return f"unknown field '{key}': did you mean '{guess}'?"
    return f"unknown field '{key}': remove it (fields allowed here: {quoted_list(allowed)})"


def _suggested_by_unknown_keys(model: type[BaseModel], details: list) -> set[Loc]:
    suggested = set()
    for detail in details:
        if detail["type"] == "extra_forbidden":
            loc = tuple(detail["loc"])
            guess = closest(str(loc[-1]), _allowed_keys(model, loc[:-1]))
            if guess:
                suggested.add(loc[:-1] + (guess,))
    return suggested


def _short_lists_with_bad_items(model: type[BaseModel], data: Mapping[str, Any], details: list) -> list[dict]:
    """Pydantic skips a list's length check when some of its items fail;
    the editor should hear about both at once."""
    with_bad_items = {d["loc"][0] for d in details if len(d["loc"]) > 1 and isinstance(d["loc"][1], int)}
    short = []
    for name in sorted(with_bad_items):
        field = model.model_fields.get(name)
        minimum = next((m.min_length for m in field.metadata if hasattr(m, "min_length")), 0) if field else 0
        value = data.get(name)
        if isinstance(value, list) and len(value) < minimum:
            short.append({"type": "too_short", "loc": (name,), "input": value, "ctx": {"min_length": minimum}})
    return short


def _length(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple, dict)) else 0


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


# What a place in the front matter should hold, read off the models, so
# messages can never drift from the schema.


def _annotation_at(model: type[BaseModel], loc: Loc) -> Any:
    """The type expected at loc, or None when loc leads nowhere known."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            items = get_args(current) if get_origin(current) is list else ()
            current = items[0] if items else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return None
    return _unwrap(current)


def _unwrap(annotation: Any) -> Any:
    """Optional[X] -> X (a missing optional value is never the problem);
    Annotated[X, ...] -> X."""
    if get_origin(annotation) is Annotated:
        return get_args(annotation)[0]
    if get_origin(annotation) is Union:
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _unwrap(options[0]) if len(options) == 1 else annotation
    return annotation


def _hint(model: type[BaseModel], loc: Loc) -> str:
    """The field's description; for a list item, what one item must be."""
    parent = _annotation_at(model, loc[:-1]) if loc else None
    if loc and isinstance(loc[-1], str) and isinstance(parent, type) and issubclass(parent, BaseModel):
        field = parent.model_fields.get(loc[-1])
        if field is not None and field.description:
            return field.description
    return _type_words(_annotation_at(model, loc))


def _type_words(annotation: Any) -> str:
    # Only list items get here (every field has a description), and the
    # models' lists hold text, choices or blocks.
    if get_origin(annotation) is Literal:
        return f"one of {one_of(get_args(annotation))}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"a block with {quoted_list(annotation.model_fields)}"
    return "text"


def _choices(model: type[BaseModel], loc: Loc) -> tuple[str, ...]:
    annotation = _annotation_at(model, loc)
    return tuple(get_args(annotation)) if get_origin(annotation) is Literal else ()


def _allowed_keys(model: type[BaseModel], loc: Loc) -> tuple[str, ...]:
    annotation = _annotation_at(model, loc)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return tuple(annotation.model_fields)
    return ()

