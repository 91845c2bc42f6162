"""Packaging: a non-editable install (the README's `pip install .`) carries every data file the code reads."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_data_file_of_the_packages_is_declared_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = config["tool"]["setuptools"]["package-data"]
    missing = []
    for package, patterns in declared.items():
        base = ROOT / package
        data_files = [p for p in base.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")
                      and "__pycache__" not in p.parts]
        for path in data_files:
            relative = path.relative_to(base)
            if not any(relative.match(pattern) and len(relative.parts) == len(Path(pattern).parts)
                       for pattern in patterns):
                missing.append(f"{package}/{relative}")
    assert missing == []
