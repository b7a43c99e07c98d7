"""What .docx and .xlsx files share: reading the bytes and telling, in one line, why an
Office package cannot be read (old format or password, not a zip, the other kind …)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from yujuesuan.ingest.raw import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound File header: an old .xls/.doc, or an encrypted (password-protected) OOXML file."""


@dataclass(frozen=True)
class Kind:
    """One Office format, as the messages name it."""

    what: str  # "Word document"
    a_what: str  # "a Word document"
    part: str  # the folder its content lives in: "word/"
    old: str  # "an old .doc file"
    fix: str  # what to do, at the end of every message
    save_as: str  # "open it in Word and save it as .docx"
    other_part: str  # the main part of the other kind: "xl/workbook.xml"
    other: str  # "it is an Excel workbook); read it as .xlsx"


WORD = Kind(
    what="Word document",
    a_what="a Word document",
    part="word/",
    old="an old .doc file",
    fix="check the file is complete and is .docx, not .doc",
    save_as="open it in Word and save it as .docx",
    other_part="xl/workbook.xml",
    other="it is an Excel workbook); read it as .xlsx",
)
EXCEL = Kind(
    what="Excel workbook",
    a_what="an Excel workbook",
    part="xl/",
    old="an old .xls file",
    fix="check the file is complete and is .xlsx (.xls is not supported: save it as .xlsx)",
    save_as="open it in Excel and save it as .xlsx (.xls is not supported)",
    other_part="word/document.xml",
    other="it is a Word document); read it as .docx",
)


def read_bytes(path: Path, name: str, kind: Kind) -> bytes:
    """The whole file: it is hashed and sniffed before the library sees it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot open the file ({exc.strerror or exc}); check the path") from None
    if not data:
        raise InputError(f"{name}: the file is empty (0 bytes); {kind.fix}")
    return data


def check_package(data: bytes, name: str, kind: Kind) -> None:
    """Raise InputError unless ``data`` is a zip package of this kind of Office file."""
    bad = f"{name}: not a readable {kind.what}"
    if data.startswith(OLE_MAGIC):
        raise InputError(
            f"{bad} (it is password-protected, or {kind.old}); remove the password, or {kind.save_as}"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise InputError(f"{bad} (not a zip archive); {kind.fix}") from None
    if kind.other_part in members:
        raise InputError(f"{bad} ({kind.other}")
    if "[Content_Types].xml" not in members:
        raise InputError(f"{bad} (a zip archive, but not an Office document); {kind.fix}")
    if not any(m.startswith(kind.part) for m in members):
        raise InputError(f"{bad} (an Office file, but not {kind.a_what}); {kind.fix}")


def damaged(name: str, kind: Kind, exc: Exception) -> InputError:
    """The error for a package the library could not parse, with a short cause."""
    first = (str(exc).strip().strip("\"'").splitlines() or [""])[0]
    reason = f"damaged content: {first}" if first else f"damaged content ({type(exc).__name__})"
    reason = reason if len(reason) <= 120 else reason[:117] + "..."
    return InputError(f"{name}: not a readable {kind.what} ({reason}); {kind.fix}")
