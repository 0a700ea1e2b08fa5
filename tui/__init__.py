"""weiquan's presentation layer: the Textual app and the command line."""
