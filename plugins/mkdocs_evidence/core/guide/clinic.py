"""The clinic's branding settings (``extra.clinic`` in ``mkdocs.yml``), validated.

Every value reaches a page: the templates escape each one for its context (attribute, text,
JSON-LD) and the clinic stylesheet takes only colours that pass the hex check, but a wrong
setting should stop the build with its name rather than vanish. An unknown field is an error
that names it (and the closest known field); a logo or feedback link that would load from, or
run as, something other than a web address is an error too.
"""

from __future__ import annotations

import difflib
import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

__all__ = ["Clinic", "ClinicError", "validate_clinic"]

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
Text = Annotated[str, Field(min_length=1, max_length=500)]


class ClinicError(ValueError):
    """One setting under ``extra.clinic`` is wrong: the message names it and says how to fix it."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Colours(_Model):
    primary: str | None = None
    accent: str | None = None

    @field_validator("primary", "accent")
    @classmethod
    def _hex(cls, value: str | None) -> str | None:
        if value is not None and not _HEX.fullmatch(value):
            raise ValueError(f'{value!r} is not a hex colour; write it like "#1f4e79" (in quotes)')
        return value


class Contact(_Model):
    phone: Text | None = None
    email: Text | None = None
    address: Text | None = None


class Clinic(_Model):
    name: Text | None = None
    logo: str | None = None
    colours: Colours | None = None
    colors: Colours | None = None
    contact: Contact | None = None
    disclaimer: Annotated[str, Field(min_length=1, max_length=2000)] | None = None
    feedback_url: str | None = None

    @field_validator("logo")
    @classmethod
    def _local_file(cls, value: str | None) -> str | None:
        if value is None:
            return value
        if _SCHEME.match(value) or value.startswith(("//", "\\\\")):
            raise ValueError(
                f"{value!r} is not a file of the site; a logo from another website would be loaded from there on every "
                "page (a third-party request). Put the picture in docs/ and give its path, e.g. assets/logo.svg"
            )
        if any(c in value for c in "\"'<>`\\") or any(ord(c) < 32 for c in value):
            raise ValueError(f"{value!r} has characters a file path does not need; use letters, digits, - _ . and /")
        return value

    @field_validator("feedback_url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not value.lower().startswith(("https://", "http://", "mailto:", "/")):
            raise ValueError(f"{value!r} is not a web address; start it with https://")
        return value


def _names(model: type[BaseModel], loc: tuple) -> list[str]:
    """The known field names at ``loc`` (for "did you mean")."""
    for part in loc[:-1]:
        field = model.model_fields.get(str(part))
        annotation = field.annotation if field else None
        inner = [
            a
            for a in getattr(annotation, "__args__", (annotation,))
            if isinstance(a, type) and issubclass(a, BaseModel)
        ]
        if not inner:
            return []
        model = inner[0]
    return list(model.model_fields)


def validate_clinic(raw: object, *, where: str = "extra.clinic") -> Clinic:
    """``raw`` as a :class:`Clinic`, or :class:`ClinicError` naming the first wrong setting."""
    if raw is None:
        return Clinic()
    try:
        return Clinic.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first["loc"])
        name = ".".join([where, *map(str, loc)])
        if first["type"] == "extra_forbidden":
            close = difflib.get_close_matches(str(loc[-1]), _names(Clinic, loc), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            known = ", ".join(_names(Clinic, loc))
            raise ClinicError(f"{name}: unknown setting{hint} (known settings: {known})") from None
        message = str(first["msg"]).removeprefix("Value error, ")
        if first["type"] == "model_type":
            message = "expected a group of settings (name: value lines, indented below it)"
        raise ClinicError(f"{name}: {message}") from None
