"""Data, not logic: guide chapters, rules as TOML, UI message catalogs (read with importlib.resources)."""
