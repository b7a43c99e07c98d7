"""The text reader: tab rows become grid lines, form feeds start pages, lines keep numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from yujuesuan.ingest.raw import InputError
from yujuesuan.ingest.text import read_text


def test_form_feeds_count_pages_and_lines_stay_exact(tmp_path: Path) -> None:
    path = tmp_path / "paged.txt"
    path.write_text("第一页\n\f第二页\t1.00\t2.00\n\f第三页\n", encoding="utf-8")
    raw = read_text(path, "paged.txt")
    assert [(ln.text, ln.page, ln.prov.line, ln.grid) for ln in raw.lines] == [
        ("第一页", 1, 1, False),
        ("第二页\t1.00\t2.00", 2, 2, True),
        ("第三页", 3, 3, False),
    ]


def test_without_form_feeds_the_page_is_unknown(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("甲\n\n乙\r\n", encoding="utf-8")
    raw = read_text(path, "plain.txt")
    assert [(ln.text, ln.page, ln.prov.line) for ln in raw.lines] == [("甲", None, 1), ("乙", None, 3)]


def test_gb18030_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("收入支出决算总表\n".encode("gb18030"))
    assert read_text(path, "gbk.txt").lines[0].text == "收入支出决算总表"


def test_binary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00\x01\x02" * 10)
    with pytest.raises(InputError, match="binary data"):
        read_text(path, "bin.txt")
