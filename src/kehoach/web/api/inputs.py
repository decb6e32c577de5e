"""Request bodies and shared parameters of the JSON API."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_ID = 2**31 - 1

PlanId = Annotated[int, Path(ge=1, le=MAX_ID, description="Plan id")]
TaskId = Annotated[int, Path(ge=1, le=MAX_ID, description="Task id")]
ReportId = Annotated[int, Path(ge=1, le=MAX_ID, description="Report id")]
AgencyId = Annotated[int, Path(ge=1, le=MAX_ID, description="Agency id")]
PageNo = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1")]
PerPage = Annotated[int, Query(ge=1, le=500, description="Rows per page")]
OptId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
OptText = Annotated[str | None, Query(max_length=200)]


def no_nul(value: Any) -> Any:
    """Drop NUL characters, which no database column accepts."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [no_nul(v) for v in value]
    return value


class In(BaseModel):
    """Base of request bodies: unknown keys refused, NUL characters dropped."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        return no_nul(value)


class LoginIn(In):
    username: str = Field(max_length=200)
    password: str = Field(max_length=500)


class ReportIn(In):
    status: str = Field(
        description="chua_trien_khai | dang_trien_khai | hoan_thanh | khong_thuc_hien",
        max_length=40,
    )
    percent: int | None = Field(default=None, ge=-(2**31), le=2**31 - 1)
    period: str | None = Field(
        default=None, max_length=20, description="e.g. 2026-H1; default the current one"
    )
    agency_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    done_text: str = Field(default="", max_length=20_000)
    difficulties: str = Field(default="", max_length=20_000)
    proposals: str = Field(default="", max_length=20_000)
    reason: str = Field(default="", max_length=5_000)


class ExtensionIn(In):
    new_end: dt.date
    reason: str = Field(max_length=5_000)

    @field_validator("new_end")
    @classmethod
    def _sane_year(cls, value: dt.date) -> dt.date:
        if not 1945 <= value.year <= 2200:
            raise ValueError("give a date between 1945 and 2200")
        return value


class OverrideIn(In):
    status: str = Field(max_length=40)
    reason: str = Field(max_length=5_000)


class CorrectionIn(In):
    entity: str = Field(description="document | task | target", max_length=20)
    entity_id: int = Field(ge=1, le=MAX_ID)
    field: str = Field(max_length=40)
    value: str | int | bool | list[str] | None = None


class PublicIn(In):
    public: bool


class AgencyChangeIn(In):
    name: str | None = Field(default=None, max_length=500, description="a new name")
    kind: str | None = Field(
        default=None, max_length=10, description="agency | group (not an agency)"
    )


class MergeIn(In):
    into: int = Field(ge=1, le=MAX_ID, description="the agency that stays")


class JurisdictionIn(In):
    jurisdiction: str = Field(
        max_length=200, description="a province (Cao Bằng), a code (04), or 'toàn quốc'"
    )


class PasswordChangeIn(In):
    old_password: str = Field(max_length=500)
    new_password: str = Field(max_length=500, description="at least 8 characters")


class PasswordIn(In):
    password: str = Field(max_length=500, description="at least 8 characters")


class ActiveIn(In):
    active: bool


class AlignmentDecisionIn(In):
    kind: str = Field(max_length=10, description="target (a figure, key `t3:1`) | task")
    left_plan_id: int = Field(ge=1, le=MAX_ID)
    left_key: str = Field(max_length=100)
    right_plan_id: int = Field(ge=1, le=MAX_ID)
    right_key: str = Field(max_length=100)
    decision: str = Field(max_length=10, description="confirmed | broken")
    by_hand: bool = Field(default=False, description="a pair the matching did not propose")
