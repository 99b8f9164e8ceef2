"""Column types shared by the models."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Dialect, Enum
from sqlalchemy.types import TypeDecorator

from observe.clock import as_utc


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC as naive text (SQLite has no time zones) and hands back aware UTC datetimes.

    Aware values on the way in are converted to UTC, so a local time can never be stored as if
    it were UTC; naive values on the way out are labelled UTC, so comparisons never mix kinds.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return as_utc(value).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return as_utc(value)


def str_enum(enum_cls: type[StrEnum], name: str) -> Enum:
    """Stores a StrEnum by its value with a CHECK constraint, so other tools read plain words."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=max(len(m.value) for m in enum_cls),
        values_callable=lambda cls: [m.value for m in cls],
    )
