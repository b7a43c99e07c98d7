"""file(s) → RawDocument → Disclosure: the one function the CLI and the tests call."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from yujuesuan.ingest import read
from yujuesuan.model.disclosure import Disclosure
from yujuesuan.recognize import recognize

EXAMPLE = "jiaozuo-2023-unit-final.txt"


def parse(paths: Sequence[Path]) -> Disclosure:
    """One disclosure from its file(s). Raises InputError for anything unreadable."""
    return recognize([read(p) for p in paths])


def example_path() -> Path:
    """The bundled example: a real 2023 单位决算 (焦作市人力资源社会保障电子政务中心)."""
    return Path(str(resources.files("yujuesuan.refdata").joinpath("examples", EXAMPLE)))
