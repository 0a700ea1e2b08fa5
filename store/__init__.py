"""weiquan's headless core: models, persistence, rules and exports. Never imports Textual."""
