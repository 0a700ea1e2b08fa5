"""weiquan's version: the one place it is written (pyproject.toml reads it from here), so
`weiquan --version` and a backup's ``app_version`` need no package metadata lookup (importing
importlib.metadata and searching the installed packages took about 35 ms of every start)."""

__version__ = "0.1.0"
