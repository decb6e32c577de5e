"""The store: tables, engines and sessions, migrations."""
