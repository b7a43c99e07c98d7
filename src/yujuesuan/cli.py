"""`yjs` — thin: parse arguments, call the packages, print."""

from __future__ import annotations

import functools
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table as RichTable
from typer.exceptions import TyperException

from yujuesuan.export.destinations import OutputError, Writer, plan, write_all
from yujuesuan.export.factscsv import to_csv
from yujuesuan.export.jsonfile import schema_text, to_json
from yujuesuan.ingest.raw import InputError
from yujuesuan.model.disclosure import Disclosure, Kind, Meta, Scope
from yujuesuan.model.facts import facts
from yujuesuan.model.findings import Severity
from yujuesuan.pipeline import Parsed, example_path, expand, parse, parse_each
from yujuesuan.rules.engine import run
from yujuesuan.rules.registry import all_rules, selected
from yujuesuan.rules.report import to_html, to_text
from yujuesuan.rules.report import to_json as report_json

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="yujuesuan (预决算): read, check and write departmental budget and final-accounts disclosures.",
)
err = Console(stderr=True)

EXIT_BAD_INPUT = 2


class Format(StrEnum):
    json = "json"
    xlsx = "xlsx"
    csv = "csv"
    template = "template"  # the preparer's workbook (yjs template), filled from the disclosure


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


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


def parse_all(files: list[Path], verb: str) -> list[Parsed]:
    """Every disclosure (narrative and tables files paired), or one line per unreadable
    file and exit 2 (nothing is written)."""
    with Progress(console=err, transient=True, disable=len(files) < 3) as progress:
        progress.add_task(verb, total=None)
        done, problems = parse_each(files)
    if problems:
        for p in problems:
            err.print(f"yjs: error: {p}", markup=False, highlight=False, soft_wrap=True)
        if len(files) > 1:
            err.print(f"yjs: {len(problems)} of {len(files)} files could not be read; nothing was written.")
        raise typer.Exit(EXIT_BAD_INPUT)
    return done


def emit(
    parsed: list[Parsed],
    sources: list[Path],
    out: Path | None,
    suffix: str,
    render: list[Writer | str],
    combined: bool,
) -> None:
    """Write each rendering where the plan says; text to standard output when no -o.
    Outputs are named after the first file of each disclosure."""
    names = [p.paths[0] for p in parsed]
    try:
        p = plan(
            names,
            out,
            suffix,
            combined=combined,
            stdout_ok=all(isinstance(r, str) for r in render),
            sources=sources,
        )
    except OutputError as e:
        fail(str(e))
        return
    targets: list[tuple[Path, Writer]] = []
    for group, target in zip(p.groups, p.files, strict=True):
        parts = render if combined else [render[i] for i in group]
        if target is None:
            sys.stdout.write("".join(x for x in parts if isinstance(x, str)))
            continue
        first = parts[0]
        targets.append(
            (
                target,
                first if callable(first) else _text_writer("".join(x for x in parts if isinstance(x, str))),
            )
        )
    try:
        write_all(targets)
    except OutputError as e:
        fail(str(e))


def _text_writer(text: str) -> Writer:
    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    return write


def _precheck(files: list[Path], out: Path | None, suffix: str, stdout_ok: bool) -> None:
    """Refuse an impossible output (no -o for a file format, -o over an input) before parsing."""
    try:
        plan(files, out, suffix, combined=True, stdout_ok=stdout_ok)
    except OutputError as e:
        fail(str(e))


@app.command("parse")
def parse_cmd(
    files: Annotated[
        list[Path] | None, typer.Argument(help="PDF, DOCX, XLSX or text files; none: the bundled example")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="output file, or a folder for many inputs")
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="json: the model; csv: long facts; xlsx: the tables; template: a workbook for `yjs render`",
        ),
    ] = Format.json,
) -> None:
    """Read disclosures into the typed model: JSON, long-facts CSV or XLSX tables.

    One input and no -o: JSON to standard output. Several inputs: -o FOLDER writes one file
    per input, and without -o JSON Lines (one disclosure a line) go to standard output.
    CSV facts of every input go to one file.
    """
    if not files and out is None and fmt is Format.json:
        d = parse([example_path()])
        err.print(f"No file given: parsed the bundled example {example_path().name}.")
        Console().print(summary(d))
        Console().print(f"{len(facts(d))} numbers read. Try: yjs parse FILE.pdf -o out.json")
        return
    paths = expand(files or [example_path()])
    combined = fmt is Format.csv
    suffix = "xlsx" if fmt is Format.template else fmt.value
    _precheck(paths, out, suffix, stdout_ok=fmt not in (Format.xlsx, Format.template))
    parsed = parse_all(paths, "parsing")
    disclosures = [p.disclosure for p in parsed]
    render: list[Writer | str]
    if fmt is Format.template:
        render = [_template_writer(p) for p in parsed]
    elif fmt is Format.csv:
        render = [to_csv(disclosures)]
    elif fmt is Format.xlsx:
        from yujuesuan.export.tablesxlsx import write_xlsx  # openpyxl is slow to import

        render = [functools.partial(write_xlsx, d) for d in disclosures]
    elif len(disclosures) > 1 and out is None:
        render = [d.model_dump_json(exclude_none=True) + "\n" for d in disclosures]
    else:
        render = [to_json(d) for d in disclosures]
    emit(parsed, paths, out, suffix, render, combined)


def _bytes_writer(data: bytes) -> Writer:
    def write(path: Path) -> None:
        path.write_bytes(data)

    return write


def _template_writer(p: Parsed) -> Writer:
    """The workbook of one parsed disclosure, with what its narrative states."""
    from yujuesuan.template.start import NotPrintable, workbook_from

    d = p.disclosure
    name = p.paths[0].name
    if not d.tables:
        fail(f"{name}: no public table was found, so there is nothing to put in a workbook")
    try:
        return _bytes_writer(workbook_from(d))
    except NotPrintable as e:
        fail(f"{name}: {e} — use --format xlsx")
        raise


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
    paths = expand(files or [example_path()])
    _precheck(paths, out, fmt.value, stdout_ok=True)
    parsed = parse_all(paths, "checking")
    results = [run(p.disclosure, _codes(select), _codes(ignore)) for p in parsed]
    writer = {ReportFormat.text: to_text, ReportFormat.json: report_json, ReportFormat.html: to_html}[fmt]
    emit(parsed, paths, out, fmt.value, [writer(results, min_severity)], combined=True)
    if any(r.count(Severity.ERROR) for r in results):
        raise typer.Exit(1)


@app.command("template")
def template_cmd(
    out: Annotated[Path, typer.Option("-o", "--output", help="the workbook to write (.xlsx)")],
    kind: Annotated[str, typer.Option("--kind", help="决算 (final accounts) or 预算 (budget)")] = "决算",
    year: Annotated[
        int | None,
        typer.Option("--year", help="fiscal year; default: last year for 决算, this year for 预算"),
    ] = None,
    scope: Annotated[str, typer.Option("--scope", help="部门 (with its units) or 单位")] = "部门",
    entity: Annotated[str, typer.Option("--entity", help="the department's or unit's full name")] = "",
    unit: Annotated[str, typer.Option("--unit", help="万元 or 元")] = "万元",
) -> None:
    """Write an empty workbook to fill: one sheet per public table, and sheets for what the
    tables do not hold (prior-year figures, 年初预算, reasons, counts, performance)."""
    import datetime as dt

    from yujuesuan.model.tables import Unit
    from yujuesuan.template.start import blank_workbook

    if kind not in ("决算", "预算"):
        fail(f"--kind {kind}: choose 决算 or 预算")
    if scope not in ("部门", "单位"):
        fail(f"--scope {scope}: choose 部门 or 单位")
    if unit not in ("万元", "元"):
        fail(f"--unit {unit}: choose 万元 or 元")
    fiscal_year = year if year is not None else dt.date.today().year - (0 if kind == "预算" else 1)
    if not 2000 <= fiscal_year <= 2100:
        fail(f"--year {fiscal_year}: give the fiscal year as four digits, such as 2024")
    if out.suffix.lower() != ".xlsx":
        fail(f"{out}: the workbook must be an .xlsx file")
    budget = kind == "预算"
    if budget and unit != "万元":
        fail(f"--unit {unit}: budgets are published in 万元")
    meta = Meta(
        entity=entity or None, fiscal_year=fiscal_year, kind=Kind(kind), scope=Scope(scope),
        unit=Unit(unit), profile="budget/henan" if budget else "final/henan-2023", sources=(),
    )  # fmt: skip
    data = blank_workbook(meta)
    try:
        write_all([(out, _bytes_writer(data))])
    except OutputError as e:
        fail(str(e))
    err.print(
        f"Wrote {out}: fill it in, then run: yjs render {out} -o {out.stem}.docx",
        markup=False,
        soft_wrap=True,
    )


@app.command("render")
def render_cmd(
    workbook: Annotated[Path, typer.Argument(help="a workbook written by `yjs template` and filled in")],
    out: Annotated[Path, typer.Option("-o", "--output", help="out.docx, out.pdf or out.html")],
    force: Annotated[
        bool, typer.Option("--force", help="write even when the data break an error-level rule")
    ] = False,
) -> None:
    """Write the whole disclosure (目录, 概况, tables, 情况说明, 名词解释, 附件) from a workbook.

    Every sentence of 情况说明 is computed from the data. Refuses (exit 1, with the findings)
    when the data break an error-level rule, unless --force. Exit 2 for an unreadable workbook.
    """
    from yujuesuan.render.pdf import RenderError
    from yujuesuan.render.publish import PRINTERS, blocking, printed, reread
    from yujuesuan.template.read import read_workbook

    suffix = out.suffix.lower()
    if suffix not in PRINTERS:
        fail(
            f"{out}: cannot write {suffix or 'a file without extension'}; name the output .docx, .pdf or .html"
        )
    if out.resolve() == workbook.resolve():
        fail(f"{out}: is the workbook itself; choose another output name")
    d, s = read_workbook(workbook)
    if not d.tables:
        fail(
            f"{workbook.name}: holds no table sheet (F01 … or B01 …); start from a workbook written by `yjs template`"
        )
    result = reread(d, s, f"{out.stem}.docx")
    stops = blocking(result).findings
    if stops and not force:
        sys.stdout.write(to_text([blocking(result)], Severity.ERROR).rstrip("\n") + "\n")
        err.print(
            f"yjs: {len(stops)} error(s) in the data; nothing was written. Fix the workbook, or use --force.",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    try:
        data = printed(d, s, suffix)
    except RenderError as e:
        fail(str(e))
    try:
        write_all([(out, _bytes_writer(data))])
    except OutputError as e:
        fail(str(e))
    gaps = sum(1 for f in result.findings if f.code == "C09")
    note = f"; {gaps} placeholder(s) 【待填写：…】 to fill (yjs check {out.name} lists them)" if gaps else ""
    forced = f"; written despite {len(stops)} error(s) (--force)" if stops else ""
    err.print(f"Wrote {out}{note}{forced}.", markup=False, soft_wrap=True)


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
    """Run `yjs`: usage mistakes and unreadable files give one line and exit 2, never a traceback."""
    try:
        code = app(prog_name="yjs", standalone_mode=False)
    except typer.Abort:
        err.print("yjs: interrupted")
        code = 130
    except TyperException as e:  # click's usage errors, as typer carries them
        if type(e).__name__ == "NoArgsIsHelpError":  # `yjs` alone: the help was printed
            code = 0
        else:
            ctx = getattr(e, "ctx", None)
            where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
            text = e.format_message() if hasattr(e, "format_message") else str(e)
            err.print(f"yjs: error: {text}{where}", markup=False, highlight=False, soft_wrap=True)
            code = EXIT_BAD_INPUT
    except InputError as e:  # a reader raised outside a per-file loop
        err.print(f"yjs: error: {e}", markup=False, highlight=False, soft_wrap=True)
        code = EXIT_BAD_INPUT
    except Exception as e:  # noqa: BLE001 - a user never sees a traceback
        err.print(
            f"yjs: internal error: {type(e).__name__}: {e} — please report it with the file that caused it",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        code = 3
    sys.exit(code if isinstance(code, int) else 0)
