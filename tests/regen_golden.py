"""Rewrite the golden JSON files from the current parser: `python tests/regen_golden.py`.

A regenerated golden file must be read against its source document again before it is
committed; the test that compares against it is only as good as that reading.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import GOLDEN, golden_sources  # noqa: E402
from yujuesuan.export.jsonfile import to_json  # noqa: E402
from yujuesuan.pipeline import parse  # noqa: E402


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    sources = golden_sources()
    only = set(sys.argv[1:])
    for key, path in sources.items():
        if only and key not in only:
            continue
        (GOLDEN / f"{key}.json").write_text(to_json(parse([path])), encoding="utf-8")
        print("wrote", key)


if __name__ == "__main__":
    main()
