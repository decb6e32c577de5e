"""Commands registered on the main app (see kehoach.cli)."""

from __future__ import annotations
