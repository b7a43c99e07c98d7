"""The preparer's loop on every real 决算: parse → workbook → read back → render DOCX and
PDF → parse again gives the same tables, meta and annexes, and `yjs check` on the
rendered files finds nothing the source did not already carry, except placeholders (C09)
for what the source's narrative does not state."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FINAL_SEEDS, SEEDS, corpus_file
from tests.render.helpers import figures, finding_codes, meta, performance
from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.supplement import Supplement
from yujuesuan.pipeline import parse
from yujuesuan.render.publish import printed
from yujuesuan.template.read import read_workbook
from yujuesuan.template.recall import recall
from yujuesuan.template.workbook import workbook_of

Loop = tuple[Disclosure, Disclosure, Supplement, Path]


@pytest.fixture(scope="module", params=sorted(FINAL_SEEDS))
def loop(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Loop:
    """(the seed parsed, the workbook read back, its supplement, the workbook's folder)."""
    seed = parse([corpus_file(SEEDS / FINAL_SEEDS[request.param])])
    folder = tmp_path_factory.mktemp(f"seed{request.param}")
    workbook = folder / "input.xlsx"
    workbook.write_bytes(workbook_of(seed, recall(seed)))
    d, s = read_workbook(workbook)
    return seed, d, s, folder


def test_the_workbook_holds_every_figure_and_the_recalled_supplement(loop: Loop) -> None:
    seed, d, s, _ = loop
    assert meta(d) == meta(seed)
    assert figures(d) == figures(seed)
    assert s == recall(seed)


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_the_rendered_file_parses_to_the_same_disclosure(loop: Loop, suffix: str) -> None:
    seed, d, s, folder = loop
    out = folder / f"out{suffix}"
    out.write_bytes(printed(d, s, suffix))
    again = parse([out])
    assert meta(again) == meta(seed)
    assert figures(again) == figures(seed)
    # the annexes' free text survives DOCX whole; a PDF wraps long lines (see FREE_TEXT)
    assert performance(again, free_text=suffix == ".docx") == performance(seed, free_text=suffix == ".docx")
    assert [g.term for g in again.glossary] == [g.term for g in seed.glossary]
    assert [sec.key for sec in again.narrative] == [sec.key for sec in seed.narrative]
    # nothing new: the source's own data findings remain, its narrative errors are gone,
    # and placeholders mark what its narrative did not state
    before, after = finding_codes(seed), finding_codes(again)
    new = {code: n for code, n in after.items() if code != "C09" and n > before.get(code, 0)}
    assert new == {}
