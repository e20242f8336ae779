"""The reference links scorer of ../shared/tools, loaded as a module for the tuning aids."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def link_score() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "shared" / "tools" / "link_score.py"
    if not path.is_file():
        raise SystemExit(f"{path} is absent: the tuning aids read the shared scorer")
    spec = importlib.util.spec_from_file_location("link_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
