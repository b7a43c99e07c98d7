"""file(s) → RawDocument → Disclosure: the functions the CLI and the tests call."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from yujuesuan.ingest import read
from yujuesuan.ingest.raw import InputError, RawDocument
from yujuesuan.model.disclosure import Disclosure
from yujuesuan.recognize import recognize

EXAMPLE = "jiaozuo-2023-unit-final.txt"
SUPPORTED = (".pdf", ".docx", ".xlsx", ".xlsm", ".txt")


def parse(paths: Sequence[Path]) -> Disclosure:
    """One disclosure from its file(s). Raises InputError for anything unreadable."""
    return recognize([read(p) for p in paths])


def example_path() -> Path:
    """The bundled example: a real 2023 单位决算 (焦作市人力资源社会保障电子政务中心)."""
    return Path(str(resources.files("yujuesuan.refdata").joinpath("examples", EXAMPLE)))


def expand(paths: Sequence[Path]) -> list[Path]:
    """Folders stand for the disclosure files directly inside them, in name order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUPPORTED)
        else:
            out.append(p)
    return out


@dataclass
class Parsed:
    """One disclosure and the files it was read from."""

    paths: list[Path]
    disclosure: Disclosure


def parse_each(paths: Sequence[Path]) -> tuple[list[Parsed], list[str]]:
    """Every file read; a narrative published apart from its tables (“公开表附后”) is joined
    with the tables file of the same folder, kind and year. Returns (disclosures, one line
    per unreadable file)."""
    read_ok: list[tuple[Path, RawDocument, Disclosure]] = []
    problems: list[str] = []
    for p in paths:
        try:
            raw = read(p)
            read_ok.append((p, raw, recognize([raw])))
        except InputError as e:
            problems.append(str(e))
    return _paired(read_ok), problems


def _paired(items: list[tuple[Path, RawDocument, Disclosure]]) -> list[Parsed]:
    def key(i: int) -> tuple[str, str, int | None]:
        p, _, d = items[i]
        return (str(p.parent.resolve()), d.meta.kind.value, d.meta.fiscal_year)

    tables_only = {key(i): i for i, (_, _, d) in enumerate(items) if d.tables and not d.narrative}
    narrative_only = {key(i): i for i, (_, _, d) in enumerate(items) if d.narrative and not d.tables}
    out: list[Parsed] = []
    used: set[int] = set()
    for i in range(len(items)):
        if i in used:
            continue
        k = key(i)
        pair = (narrative_only.get(k), tables_only.get(k))
        if i in pair and None not in pair:
            n, t = pair
            assert n is not None and t is not None
            used |= {n, t}
            out.append(Parsed([items[n][0], items[t][0]], recognize([items[n][1], items[t][1]])))
        else:
            used.add(i)
            out.append(Parsed([items[i][0]], items[i][2]))
    return out
