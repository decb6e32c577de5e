"""kehoach: reads Vietnamese culture-development plans and tracks their implementation."""

import os

__version__ = "0.1.0"

# kehoach uses no pydantic plugins. Looking for them (on the first model pydantic builds) reads
# the metadata of every installed package: about 0.05 s of CPU at the start of every command,
# before the extraction workers fork. Whoever wants plugins sets PYDANTIC_DISABLE_PLUGINS to ""
# (or to the names of those to leave out), which this leaves as it is.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
