"""Reference data as files: table templates, class codes. Loaded once, read-only."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """Parse ``refdata/{name}.toml``."""
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def profile_entry(profile: str) -> dict[str, Any]:
    """A profile's entry of refdata/profiles.toml (tables, sections, topics …); an unknown
    profile reads as Henan 2023, the national template."""
    profiles: dict[str, dict[str, Any]] = load("profiles")["profile"]
    return profiles.get(profile, profiles["final/henan-2023"])
