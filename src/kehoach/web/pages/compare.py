"""`/compare`: plans of several provinces implementing one document, side by side."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from kehoach.errors import ValidationError
from kehoach.web.auth import CsrfChecked
from kehoach.web.deps import CurrentUser, Db, OptionalUser
from kehoach.web.i18n import _, error_text
from kehoach.web.render import render

router = APIRouter(include_in_schema=False, dependencies=[CsrfChecked])

Id = Annotated[int, Form(ge=1, le=2**31 - 1)]
Key = Annotated[str, Form(max_length=100)]


def _query(document: int, plans: list[int]) -> str:
    return f"/compare?document={document}" + "".join(f"&plans={p}" for p in plans)


@router.get("/compare")
def compare_page(
    request: Request,
    db: Db,
    user: OptionalUser,
    document: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    plans: Annotated[list[int] | None, Query(max_length=10)] = None,
) -> Response:
    """Choose a document and two or more plans; their targets and tasks aligned."""
    from kehoach.services import compare

    documents = compare.implemented_documents(db, user)
    if document is None and documents:
        document = documents[0].document.id
    result, error, status = None, None, 200
    if document is not None:
        try:
            result = compare.compare(db, document, plans, user)
        except ValidationError as exc:  # fewer than two plans: the form again, with why
            error, status = error_text(exc), 422
            result = compare.compare(db, document, None, user)
    return render(
        request,
        "compare.html",
        {
            "title": _("Compare provinces"),
            "section": "compare",
            "documents": documents,
            "result": result,
            "error": error,
        },
        status_code=status,
    )


@router.post("/compare/decide")
def decide(
    request: Request,
    db: Db,
    user: CurrentUser,
    document: Id,
    kind: Annotated[str, Form(max_length=10)],
    left_plan_id: Id,
    left_key: Key,
    right_plan_id: Id,
    right_key: Key,
    decision: Annotated[str, Form(max_length=10)],
    plans: Annotated[list[int], Form(max_length=10)],
    by_hand: Annotated[bool, Form()] = False,
) -> Response:
    """Confirm, break or make a pair; HTMX gets the two plans' section back."""
    from kehoach.services import compare

    compare.decide(
        db,
        kind=kind,
        left_plan_id=left_plan_id,
        left_key=left_key,
        right_plan_id=right_plan_id,
        right_key=right_key,
        decision=decision,
        by_hand=by_hand,
        user=user,
    )
    if not request.headers.get("hx-request"):
        return RedirectResponse(_query(document, plans), status_code=303)
    db.flush()
    result = compare.compare(db, document, plans, user)
    side = next(s for s in result.sides if {s.left.id, s.right.id} == {left_plan_id, right_plan_id})
    return render(request, "_compare_side.html", {"result": result, "side": side})
