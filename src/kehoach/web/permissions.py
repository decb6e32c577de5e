"""Who may see what, where the services leave the choice to the caller."""

from __future__ import annotations

from kehoach.errors import PermissionDenied
from kehoach.services.types import UserView


def visible_agency(user: UserView | None, agency_id: int | None) -> int | None:
    """The agency a listing is limited to: a reporter only ever sees its own agency."""
    if user is None or user.role != "reporter":
        return agency_id
    own = user.agency_id
    if agency_id is not None and agency_id != own:
        raise PermissionDenied("A reporter can only see its own agency's tasks.")
    return own
