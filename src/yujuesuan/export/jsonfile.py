"""The model as JSON. Amounts are strings ("22828.10") so no reader turns them into floats."""

from __future__ import annotations

import json
from typing import Any

from yujuesuan.model.disclosure import Disclosure


def to_json(d: Disclosure) -> str:
    return d.model_dump_json(indent=1, exclude_none=True) + "\n"


def from_json(text: str) -> Disclosure:
    return Disclosure.model_validate_json(text)


def schema() -> dict[str, Any]:
    """JSON Schema of the parse output (`yjs schema`)."""
    s = Disclosure.model_json_schema(mode="serialization")
    s["$id"] = "https://yujuesuan.org/schema/disclosure-v1.json"
    s["title"] = "yujuesuan Disclosure"
    return s


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=1) + "\n"
