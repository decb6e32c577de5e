"""Response bodies of the JSON API: the services' own value types, not restated here.

Each `…Out` model is derived from the service dataclass it serves (`out(PlanRow)`
takes its fields and their types), so a field added to a service type appears in
the API and its OpenAPI description at once; nested values are the services'
dataclasses themselves (`DocumentView`, `StatusInfo`, `Period`, …). Only the
shapes the API adds are written here: errors, a page of results, a token.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, Generic, TypeAlias, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model

from kehoach.services.agencies import AgencyRow
from kehoach.services.agency_register import AgencyUsage, RegisterRow
from kehoach.services.corrections import RevisionView
from kehoach.services.dashboard import Dashboard, MyUnit
from kehoach.services.importing import ImportResult
from kehoach.services.jurisdictions import JurisdictionView
from kehoach.services.plans import PlanDetail, PlanRow, TreeNode
from kehoach.services.reports import AttachmentView, ReportView
from kehoach.services.status import StatusInfo
from kehoach.services.summaries import AgencySummary, CompletenessRow
from kehoach.services.tasks import ExtensionView, OverrideView, TaskDetail, TaskRow
from kehoach.services.types import UserView

T = TypeVar("T")


class Out(BaseModel):
    """Base of every response body: built from a service value's attributes."""

    model_config = ConfigDict(from_attributes=True)


def out(
    cls: type, name: str | None = None, *, exclude: tuple[str, ...] = (), **extra: Any
) -> type[Out]:
    """A response model with the fields (names, types, defaults) of the service type `cls`
    but those in `exclude`, plus `extra` fields given as `name=(type, default)`."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in exclude:
            continue
        default: Any = ...
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = Field(default_factory=f.default_factory)
        fields[f.name] = (hints[f.name], default)
    fields.update(extra)
    name = name or cls.__name__.removesuffix("View").removesuffix("Row") + "Out"
    model = create_model(name, __base__=Out, __doc__=cls.__doc__, **fields)
    model.__module__ = __name__
    return model


class ErrorOut(BaseModel):
    """Every API error: a message a person can act on and the field it is about."""

    error: str
    field: str | None = None


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in {
        401: "Not logged in / bad token",
        403: "Not allowed",
        404: "Not found",
        409: "Conflict",
        422: "Invalid input; `field` names it",
    }.items()
}


class PageOut(Out, Generic[T]):
    """One page of a longer list (`services.types.Page`, with its page count)."""

    items: list[T]
    total: int
    page: int
    per_page: int
    pages: int


if typing.TYPE_CHECKING:  # to mypy each is an `Out`; at run time each is derived
    UserOut: TypeAlias = Out
    PlanOut: TypeAlias = Out
    TreeNodeOut: TypeAlias = Out
    PlanDetailOut: TypeAlias = Out
    TaskOut: TypeAlias = Out
    TaskDetailOut: TypeAlias = Out
    TaskStatusOut: TypeAlias = Out
    ExtensionOut: TypeAlias = Out
    OverrideOut: TypeAlias = Out
    RevisionOut: TypeAlias = Out
    ReportOut: TypeAlias = Out
    AttachmentOut: TypeAlias = Out
    AgencyOut: TypeAlias = Out
    AgencySummaryOut: TypeAlias = Out
    CompletenessOut: TypeAlias = Out
    DashboardOut: TypeAlias = Out
    MyUnitOut: TypeAlias = Out
    ImportOut: TypeAlias = Out
    RegisterRowOut: TypeAlias = Out
    AgencyUsageOut: TypeAlias = Out
    JurisdictionOut: TypeAlias = Out
else:
    # when a password last changed is the server's business (it ends older sessions)
    UserOut = out(UserView, exclude=("password_changed_at",))
    PlanOut = out(PlanRow, "PlanOut")
    TreeNodeOut = out(TreeNode, "TreeNodeOut")
    PlanDetailOut = out(PlanDetail, "PlanDetailOut")
    TaskOut = out(TaskRow, "TaskOut")
    TaskDetailOut = out(TaskDetail, "TaskDetailOut")
    TaskStatusOut = out(StatusInfo, "TaskStatusOut", task_id=(int, ...))
    ExtensionOut = out(ExtensionView)
    OverrideOut = out(OverrideView)
    RevisionOut = out(RevisionView)
    ReportOut = out(ReportView)
    AttachmentOut = out(AttachmentView)
    AgencyOut = out(AgencyRow, "AgencyOut")
    AgencySummaryOut = out(AgencySummary, "AgencySummaryOut")
    CompletenessOut = out(CompletenessRow, "CompletenessOut")
    DashboardOut = out(Dashboard, "DashboardOut")
    MyUnitOut = out(MyUnit, "MyUnitOut")
    ImportOut = out(ImportResult, "ImportOut")
    RegisterRowOut = out(RegisterRow, "RegisterRowOut")
    AgencyUsageOut = out(AgencyUsage, "AgencyUsageOut")
    JurisdictionOut = out(JurisdictionView)


class TokenOut(BaseModel):
    token: str = Field(description="Send as `Authorization: Bearer <token>`; shown only once.")
    user: UserOut
