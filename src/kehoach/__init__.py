"""kehoach: reads Vietnamese culture-development plans and tracks their implementation."""

__version__ = "0.1.0"
