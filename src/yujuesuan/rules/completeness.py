"""C rules: required parts, tables and sections; empty-table statements; placeholders;
year, entity and unit consistency."""

from __future__ import annotations
