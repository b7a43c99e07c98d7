"""Claims: every amount, percentage and count a narrative section states, with the words
before it (its subject and verb), the sentence it sits in and the line it was printed on.

Binding a claim to a table cell is the rules' job (rules/narrative.py); this module only
reads the text, exactly: numbers stay Decimal with the precision they were printed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from yujuesuan.model.disclosure import Section
from yujuesuan.model.provenance import Provenance

_NUMBER = r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?"
_UNITS = r"万元|元|%|％|个|人次|辆|台（套）|台\(套\)|台|批次|家|人"
CLAIM = re.compile(rf"(?P<num>{_NUMBER})\s*(?P<unit>{_UNITS})")
SENTENCE_END = "。！？"
CLAUSE_END = "，；：:,;" + SENTENCE_END  # not 、: it joins 收、支总计 and list items
SUB = re.compile(r"[（(]([一二三四五六七八九十]+)[）)]")
UP = ("增加", "增长", "上升", "提高", "增幅", "超过", "多于", "大于")
DOWN = ("减少", "下降", "降低", "减幅", "少于", "低于", "小于")


@dataclass(frozen=True)
class Claim:
    """One printed figure of a narrative and what surrounds it."""

    value: Decimal  # as printed, separators removed, sign kept
    raw: str
    unit: str  # 万元, 元, %, 个, 人次, 辆, 台（套）…
    before: str  # the clause text before the figure: its subject and verb
    sentence: str
    sentence_no: int  # counts sentences of the section, from 0
    sub: str | None  # （一）… sub-section the figure sits in
    start: int  # offset in the section text
    prov: Provenance | None

    @property
    def is_percent(self) -> bool:
        return self.unit in ("%", "％")

    @property
    def is_money(self) -> bool:
        return self.unit in ("万元", "元")

    @property
    def direction(self) -> str | None:
        """up / down when the words just before the figure say so."""
        tail = self.before[-8:]
        up, down = any(w in tail for w in UP), any(w in tail for w in DOWN)
        if up and down:  # “增加（减少）”: a template that names both says neither
            return None
        return "up" if up else "down" if down else None

    @property
    def is_change(self) -> bool:
        """An amount that is a change (增加Δ/减少Δ), not a level."""
        tail = self.before[-6:]
        return any(w in tail for w in ("增加", "减少", "增长", "下降", "上升", "降低", "增幅", "减幅"))


@dataclass(frozen=True)
class SectionText:
    """A section's lines joined as read, with each character's line kept for locating."""

    text: str
    lines: tuple[Provenance | None, ...]

    def prov_at(self, offset: int) -> Provenance | None:
        return self.lines[min(offset, len(self.lines) - 1)] if self.lines else None


def section_text(section: Section) -> SectionText:
    """Concatenate the section's lines: wrapped lines rejoin, and offsets map to lines."""
    parts: list[str] = []
    where: list[Provenance | None] = []
    for line in section.lines:
        text = "".join(line.text.split())  # letter-spacing and indents carry no meaning here
        if parts and parts[-1] and _latin(parts[-1][-1]) and text and _latin(text[0]):
            text = " " + text
        parts.append(text)
        where.extend([line.prov] * len(text))
    return SectionText("".join(parts), tuple(where))


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def claims(section: Section) -> list[Claim]:
    st = section_text(section)
    text = st.text
    out: list[Claim] = []
    sentence_no = 0
    sentence_start = 0
    sub: str | None = None
    pos = 0
    for m in CLAIM.finditer(text):
        for i in range(pos, m.start()):  # advance sentence and sub-section state
            if text[i] in SENTENCE_END:
                sentence_no += 1
                sentence_start = i + 1
            s = SUB.match(text, i)
            if s and (i == 0 or text[i - 1] in CLAUSE_END + "\n）)"):
                sub = s.group(1)
        pos = m.start()
        if _inside_word(text, m.start(), m.end()):
            continue
        clause_start = max(text.rfind(ch, 0, m.start()) for ch in CLAUSE_END) + 1
        end = min((i for i in (text.find(ch, m.end()) for ch in SENTENCE_END) if i >= 0), default=len(text))
        raw = m.group("num")
        out.append(
            Claim(
                value=Decimal(raw.replace(",", "")),
                raw=raw,
                unit=m.group("unit").replace("％", "%").replace("(套)", "（套）"),
                before=text[clause_start : m.start()],
                sentence=text[sentence_start : end + 1],
                sentence_no=sentence_no,
                sub=sub,
                start=m.start(),
                prov=st.prov_at(m.start()),
            )
        )
    return out


def _inside_word(text: str, start: int, end: int) -> bool:
    """A figure glued to letters or digits (a code, a year range) is not a claim."""
    before = text[start - 1] if start > 0 else ""
    return bool(before) and (before.isdigit() or before in ".,")
