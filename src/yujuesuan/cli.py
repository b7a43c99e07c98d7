"""`yjs` — thin: parse arguments, call the packages, print. No logic lives here."""

from __future__ import annotations

import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table as RichTable

from yujuesuan.export.factscsv import to_csv
from yujuesuan.export.jsonfile import schema_text, to_json
from yujuesuan.export.tablesxlsx import write_xlsx
from yujuesuan.ingest.raw import InputError
from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.facts import facts
from yujuesuan.model.findings import Severity
from yujuesuan.pipeline import example_path, parse
from yujuesuan.rules.engine import run
from yujuesuan.rules.registry import all_rules, selected
from yujuesuan.rules.report import to_html, to_text
from yujuesuan.rules.report import to_json as report_json

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="yujuesuan (预决算): read, check and write departmental budget and final-accounts disclosures.",
)
err = Console(stderr=True)

EXIT_BAD_INPUT = 2


class Format(StrEnum):
    json = "json"
    xlsx = "xlsx"
    csv = "csv"


def fail(message: str) -> None:
    err.print(f"yjs: error: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def summary(d: Disclosure) -> RichTable:
    m = d.meta
    t = RichTable(
        title=f"{m.entity} {m.fiscal_year}年度{m.scope.value}{m.kind.value} ({m.profile}, {m.unit.value})"
    )
    for col in ("table", "label", "title", "rows", "numbers", "unit"):
        t.add_column(col)
    for tb in d.tables:
        numbers = sum(1 for r in tb.rows for c in r.cells if c.value is not None)
        t.add_row(tb.id, tb.label or "", tb.title, str(len(tb.rows)), str(numbers), tb.unit.value)
    return t


def _write_atomic(out: Path, write: object) -> None:
    """Write to a temporary file beside ``out`` and rename, so a failure leaves nothing."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=out.parent, prefix=".yjs-", suffix=out.suffix, delete=False) as tmp:
        tmp_path = Path(tmp.name)
    try:
        if isinstance(write, str):
            tmp_path.write_text(write, encoding="utf-8")
        elif callable(write):
            write(tmp_path)
        tmp_path.replace(out)
    finally:
        tmp_path.unlink(missing_ok=True)


@app.command("parse")
def parse_cmd(
    files: Annotated[
        list[Path] | None, typer.Argument(help="PDF, DOCX, XLSX or text files; none: the bundled example")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="output file, or a folder for many inputs")
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="json: the model; csv: long facts; xlsx: the tables")
    ] = Format.json,
) -> None:
    """Read disclosures into the typed model: JSON, long-facts CSV or XLSX tables."""
    if not files:
        d = parse([example_path()])
        err.print(f"No file given: parsed the bundled example {example_path().name}.")
        Console().print(summary(d))
        Console().print(f"{len(facts(d))} numbers read. Try: yjs parse FILE.pdf -o out.json")
        return
    results: list[tuple[Path, Disclosure]] = []
    problems: list[str] = []
    with Progress(console=err, transient=True, disable=len(files) < 3) as progress:
        task = progress.add_task("parsing", total=len(files))
        for f in files:
            try:
                results.append((f, parse([f])))
            except InputError as e:
                problems.append(str(e))
            progress.advance(task)
    if problems:
        for p in problems:
            err.print(f"yjs: error: {p}", markup=False, highlight=False, soft_wrap=True)
        if len(files) > 1:
            err.print(f"yjs: {len(problems)} of {len(files)} files could not be read; nothing was written.")
        raise typer.Exit(EXIT_BAD_INPUT)
    disclosures = [d for _, d in results]
    if out is not None and out.is_dir() and fmt is not Format.csv:
        _write_each(results, out, fmt)
        return
    if fmt is Format.csv:
        text = to_csv(disclosures)
        _emit(out, text)
        return
    if fmt is Format.json and len(results) == 1:
        _emit(out, to_json(disclosures[0]))
        return
    if out is None:
        if fmt is Format.xlsx:
            fail("--format xlsx needs -o OUT.xlsx (or a folder for many inputs)")
        sys.stdout.write("".join(d.model_dump_json(exclude_none=True) + "\n" for d in disclosures))
        return
    if len(results) == 1:
        _write_atomic(out, lambda p: write_xlsx(disclosures[0], p))
        return
    if out.exists():
        fail(f"{out}: with several inputs, -o must be a folder")
    _write_each(results, out, fmt)


def _write_each(results: list[tuple[Path, Disclosure]], folder: Path, fmt: Format) -> None:
    """One output per input, named after it, in ``folder``."""
    for f, d in results:
        target = folder / f"{f.stem}.{fmt.value}"
        _write_atomic(target, to_json(d) if fmt is Format.json else (lambda p, d=d: write_xlsx(d, p)))


def _emit(out: Path | None, text: str) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        _write_atomic(out, text)


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


def _codes(values: list[str] | None) -> list[str] | None:
    """--select F04,FX --select N → ['F04', 'FX', 'N']."""
    if not values:
        return None
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


@app.command("check")
def check_cmd(
    files: Annotated[
        list[Path] | None, typer.Argument(help="disclosures to check; none: the bundled example")
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="text, json or a self-contained html page")
    ] = ReportFormat.text,
    out: Annotated[Path | None, typer.Option("-o", "--output", help="write the report to this file")] = None,
    min_severity: Annotated[
        Severity, typer.Option("--min-severity", help="hide findings below this")
    ] = Severity.WARNING,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="only these rule codes or prefixes (F04, FX, N)")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="skip these rule codes or prefixes")
    ] = None,
) -> None:
    """Check disclosures against every rule: broken identities, narrative mismatches, missing parts.

    Exit 0 when no errors are found, 1 when there are errors, 2 when a file cannot be read.
    """
    paths = files or [example_path()]
    disclosures: list[Disclosure] = []
    problems: list[str] = []
    with Progress(console=err, transient=True, disable=len(paths) < 3) as progress:
        task = progress.add_task("checking", total=len(paths))
        for f in paths:
            try:
                disclosures.append(parse([f]))
            except InputError as e:
                problems.append(str(e))
            progress.advance(task)
    if problems:
        for p in problems:
            err.print(f"yjs: error: {p}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_BAD_INPUT)
    results = [run(d, _codes(select), _codes(ignore)) for d in disclosures]
    writer = {ReportFormat.text: to_text, ReportFormat.json: report_json, ReportFormat.html: to_html}[fmt]
    _emit(out, writer(results, min_severity))
    if any(r.count(Severity.ERROR) for r in results):
        raise typer.Exit(1)


@app.command("rules")
def rules_cmd(
    codes: Annotated[
        list[str] | None, typer.Argument(help="rule codes or prefixes; none: every rule")
    ] = None,
) -> None:
    """List the rules `yjs check` applies, with their formulas."""
    rules = selected(all_rules(), _codes(codes), None)
    if not rules:
        fail(f"no rule matches {' '.join(codes or [])}; `yjs rules` lists them all")
    for r in rules:
        needs = "" if r.needs == "D" else f"  [needs {r.needs}]"
        sys.stdout.write(f"{r.code}  {r.severity.value:7}  {r.title}{needs}\n    {r.doc}\n")


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of `yjs parse --format json` output."""
    sys.stdout.write(schema_text())


def main() -> None:
    try:
        app()
    except InputError as e:  # a reader raised outside a per-file loop
        err.print(f"yjs: error: {e}", markup=False, highlight=False)
        sys.exit(EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        err.print("yjs: interrupted")
        sys.exit(130)
    except Exception as e:  # noqa: BLE001 - a user never sees a traceback
        err.print(
            f"yjs: internal error: {type(e).__name__}: {e} — please report it with the file that caused it",
            markup=False,
            highlight=False,
        )
        sys.exit(3)
