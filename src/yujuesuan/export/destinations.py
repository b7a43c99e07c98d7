"""Where `yjs` writes: decided and checked before any input is read, written all or nothing.

A target never overwrites an input, never replaces a folder or a device, and two inputs
never write the same file. Files are written to temporary names first and renamed only
when every one of them has been written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

Writer = Callable[[Path], None]


class OutputError(Exception):
    """An output that cannot or must not be written. One line for a user."""


@dataclass(frozen=True)
class Plan:
    """``files[i]`` is where input group ``groups[i]`` goes; None means standard output."""

    groups: tuple[tuple[int, ...], ...]
    files: tuple[Path | None, ...]


def plan(
    inputs: Sequence[Path],
    out: Path | None,
    suffix: str,
    *,
    combined: bool,
    stdout_ok: bool,
    sources: Sequence[Path] = (),
) -> Plan:
    """Decide the outputs: one combined file, one file, or one file per input in a folder.

    ``inputs`` name the outputs (one per disclosure); ``sources`` are every file read, which
    no output may replace (they default to ``inputs``).
    """
    sources = list(sources) or list(inputs)
    n = len(inputs)
    every = tuple(range(n))
    if out is None:
        if not stdout_ok:
            raise OutputError(
                f"--format {suffix} writes a file: give -o OUT.{suffix}, or a folder for many inputs"
            )
        return Plan((every,), (None,))
    folder = out.is_dir() or str(out).endswith(("/", os.sep)) or (n > 1 and not combined and not out.suffix)
    if combined:
        target = out / f"facts.{suffix}" if out.is_dir() else out
        return _checked(inputs, sources, Plan((every,), (target,)))
    if n > 1 and not folder:
        raise OutputError(f"{out}: with several inputs, -o must be a folder (one .{suffix} file per input)")
    if not folder:
        return _checked(inputs, sources, Plan((every,), (out,)))
    targets = tuple(out / f"{p.stem}.{suffix}" for p in inputs)
    return _checked(inputs, sources, Plan(tuple((i,) for i in range(n)), targets))


def _checked(inputs: Sequence[Path], read: Sequence[Path], p: Plan) -> Plan:
    sources = {_key(i) for i in read}
    seen: dict[Path, int] = {}
    for group, target in zip(p.groups, p.files, strict=True):
        if target is None:
            continue
        key = _key(target)
        if key in sources:
            raise OutputError(f"{target}: is one of the inputs; choose another output name")
        if target.exists() and not target.is_file():
            raise OutputError(f"{target}: exists and is not a regular file; choose another output name")
        if key in seen:
            a, b = inputs[seen[key]], inputs[group[0]]
            raise OutputError(
                f"{a} and {b} would both write {target.name}; rename one, or parse them separately"
            )
        seen[key] = group[0]
    return p


def _key(path: Path) -> Path:
    return path.expanduser().resolve()


def write_all(targets: Sequence[tuple[Path, Writer]]) -> None:
    """Write every target to a temporary file beside it, then rename them all."""
    written: list[tuple[Path, Path]] = []
    current: Path | None = None
    try:
        for target, write in targets:
            current = target
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=target.parent, prefix=".yjs-", suffix=target.suffix)
            os.close(fd)
            tmp = Path(name)
            written.append((tmp, target))
            write(tmp)
            umask = os.umask(0)
            os.umask(umask)
            tmp.chmod(0o666 & ~umask)  # as a plain open() would have created it
        for tmp, target in written:
            current = target
            tmp.replace(target)
    except OSError as e:
        raise OutputError(
            f"{current}: cannot write ({e.strerror or e}); check the folder and its permissions"
        ) from None
    finally:
        for tmp, _ in written:
            tmp.unlink(missing_ok=True)
