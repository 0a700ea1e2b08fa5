"""Every background job in tui/ is a ``@work`` method whose failure reaches the app's one handler
(WeiquanApp.worker_failed, see tui/workers.py): never Textual's default of ending the app, never
a worker nobody listens to."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path

from store.rules.messages import catalog
from tui.app import WeiquanApp
from tui.workers import ReportsWorkerFailures

ROOT = Path(__file__).resolve().parents[2]


def _work_decorator(node: ast.expr) -> ast.Call | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "work":
        return node
    return None


def jobs(source: str) -> Iterator[tuple[str, str, dict[str, ast.expr]]]:
    """(class, method, keyword arguments of @work) for each @work method; a bare ``@work`` has none."""
    for cls in ast.walk(ast.parse(source)):
        if not isinstance(cls, ast.ClassDef):
            continue
        for method in cls.body:
            if not isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for decorator in method.decorator_list:
                call = _work_decorator(decorator)
                if call is not None:
                    yield cls.name, method.name, {k.arg: k.value for k in call.keywords if k.arg}
                elif isinstance(decorator, ast.Name) and decorator.id == "work":
                    yield cls.name, method.name, {}


def run_worker_calls(source: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "run_worker"
    ]


def _modules() -> list[tuple[str, str]]:
    return [
        (".".join(path.relative_to(ROOT).with_suffix("").parts), path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "tui").rglob("*.py"))
    ]


def _name(value: ast.expr, module: object) -> str:
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return value.value
    assert isinstance(value, ast.Name), ast.dump(value)
    name = getattr(module, value.id)
    assert isinstance(name, str)
    return name


def test_no_worker_is_started_outside_work_methods() -> None:
    found = [f"{module}:{line}" for module, source in _modules() for line in run_worker_calls(source)]
    assert not found, "run_worker bypasses the one failure handler; use a @work method:\n" + "\n".join(found)


def test_every_job_reports_its_failure_and_says_what_it_was_doing() -> None:
    seen = 0
    for module_name, source in _modules():
        module = importlib.import_module(module_name)
        for class_name, method, keywords in jobs(source):
            seen += 1
            where = f"{module_name}.{class_name}.{method}"
            exit_on_error = keywords.get("exit_on_error")
            assert isinstance(exit_on_error, ast.Constant) and exit_on_error.value is False, (
                f"{where}: exit_on_error=False, or a failure ends the app"
            )
            owner = getattr(module, class_name)
            assert issubclass(owner, WeiquanApp | ReportsWorkerFailures), (
                f"{where}: runs on {class_name}, which does not pass failures to WeiquanApp.worker_failed"
            )
            assert "name" in keywords, f"{where}: a name, which the failure message uses"
            name = _name(keywords["name"], module)
            for lang in ("en", "zh-CN"):
                assert f"worker.{name}" in catalog(lang), f"{where}: worker.{name} missing from {lang}.toml"
    assert seen >= 3  # the database, the guide read ahead, hashing


def test_the_checks_find_what_they_look_for() -> None:
    sample = (
        "class Screen:\n"
        "    @work(thread=True)\n"
        "    def job(self): ...\n"
        "    @work\n"
        "    def bare(self): ...\n"
        "    def start(self):\n"
        "        self.run_worker(self.job)\n"
    )
    assert [(c, m, sorted(k)) for c, m, k in jobs(sample)] == [("Screen", "job", ["thread"]), ("Screen", "bare", [])]
    assert run_worker_calls(sample) == [7]
