"""Services: one module per noun; the only code above the store that touches the database.

They take a `Session`, return plain values (dataclasses / pydantic models) and
raise `kehoach.errors` subclasses. See docs/services.md.
"""
