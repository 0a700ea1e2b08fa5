"""The core stays in small modules with one job each: no module under store/ over 300 lines."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_STORE_MODULE_LINES = 300


def test_no_store_module_is_over_300_lines() -> None:
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in (ROOT / "store").rglob("*.py")
    }
    assert sizes, "no store modules found"
    assert {name: n for name, n in sizes.items() if n > MAX_STORE_MODULE_LINES} == {}
