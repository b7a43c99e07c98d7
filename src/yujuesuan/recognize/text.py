"""Text normalisation and token classes shared by the recognisers."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from yujuesuan.model.tables import CellState

_SPACE = re.compile(r"[\s\u3000\u00a0]+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "(": "（", ")": "）", ":": "："})
_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d))"
)
AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
INTEGER = re.compile(r"^\d+(?:\.0+)?$")
CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
LABEL = re.compile(r"^(公开|预算)\s*\d+\s*表$")  # a table's label: 公开01表, 预算04表
DASHES = frozenset({"-", "—", "－", "–", "--", "－－", "-%"})
NOT_APPLICABLE = frozenset({"——", "——%"})


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Compare form: no whitespace, one quote style, full-width brackets and colon. Cached:
    the readers compare the same cells and labels many times."""
    return _SPACE.sub("", text).translate(_QUOTES)


def strip_ordinal(text: str) -> str:
    """Drop a leading 一、 / （一） / 1. so labels match whatever numbering is printed."""
    return _ORDINAL.sub("", text, count=1)


def label_key(text: str) -> str:
    return strip_ordinal(norm(text))


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def join_wrapped(parts: list[str]) -> str:
    """Rejoin text broken over lines, tokens or letter-spacing: no space next to a CJK
    character, one space between Latin words."""
    out = ""
    for p in " ".join(parts).split():
        if out and _latin(out[-1]) and _latin(p[0]):
            out += " "
        out += p
    return out


def is_amount(token: str) -> bool:
    """A printed amount in token mode: it has a decimal point or separators."""
    return bool(AMOUNT.match(token)) and ("." in token or "," in token)


def parse_cell(raw: str) -> tuple[CellState, Decimal | None]:
    """Classify a printed cell and give its exact value when it is a number."""
    t = raw.strip()
    if not t:
        return CellState.BLANK, None
    if t in NOT_APPLICABLE:
        return CellState.NOT_APPLICABLE, None
    if t in DASHES:
        return CellState.DASH, None
    if AMOUNT.match(t):
        try:
            return CellState.NUMBER, Decimal(t.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the regex admits only numerals
            return CellState.TEXT, None
    return CellState.TEXT, None


def as_int(token: str) -> int | None:
    """A 行次 or 栏次 number: ``12`` or Shanxi's ``12.00``."""
    t = token.strip()
    return int(Decimal(t)) if INTEGER.match(t) else None
