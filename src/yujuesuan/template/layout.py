"""Where things sit in the workbook: sheet names, the hidden marker row that tells the
reader what each column of a table sheet holds, and the list sheets' columns. Written
by ``workbook.py`` and read by ``read.py``, so both follow this one description."""

from __future__ import annotations

INFO_SHEET = "基本信息"
GUIDE_SHEET = "填写说明"
ITEMS_SHEET = "年初预算"
UNITS_SHEET = "所属单位"
PROJECTS_SHEET = "绩效自评"
GLOSSARY_SHEET = "名词解释"
ANNEX_SHEET = "附件"
ANNEX_KINDS = (
    "标题",
    "文字",
    "表格",
)  # a row of the 附件 sheet: an annex's title, a line of prose, a table row

TITLE_ROW, HINT_ROW, MARKER_ROW, HEADER_ROW = 1, 2, 3, 4  # header rows start at HEADER_ROW

# The marker row holds, per column: "key" (the row key, hidden), "code", "label", "line"
# (行次), or a column id (c1, b …) for amounts.
KEY, CODE, LABEL, LINE = "key", "code", "label", "line"

INFO_FIELDS = (
    ("entity", "单位名称", "部门或单位的全称，如：焦作市人力资源和社会保障局"),
    ("fiscal_year", "年度", "决算或预算年度，四位数字，如：2024"),
    ("kind", "类型", "决算或预算（由 yjs template --kind 决定）"),
    ("scope", "部门决算或单位决算", "部门：含所属单位的汇总决算；单位：本级决算"),
    ("unit", "金额单位", "万元或元"),
    (
        "profile",
        "公开格式",
        "决算：final/henan-2023（河南式，九张表）或 final/shanxi-2022（山西式，十张表，含统计表）；"
        "预算：budget/henan（河南式，十三张表）",
    ),
)

ITEM_COLUMNS = (
    "功能分类科目编码（项）",
    "科目名称",
    "支出决算数（一般公共预算财政拨款，来自公开05表）",
    "年初预算数",
    "决算数与年初预算数存在差异的主要原因",
)
PROJECT_COLUMNS = ("项目名称", "全年预算数", "全年执行数", "自评得分", "自评等级")
GLOSSARY_COLUMNS = ("名词", "解释")


def table_sheet(table_id: str, title: str) -> str:
    """“F01 收入支出决算总表”, cut to Excel's 31 characters."""
    return f"{table_id} {title}"[:31]


def table_id_of(sheet: str) -> str | None:
    """F01 … F10, B01 … B13: the table a sheet holds, from its name."""
    head = sheet.split(" ", 1)[0]
    return head if len(head) == 3 and head[0] in "FB" and head[1:].isdigit() else None


# A 预算 table sheet: a hidden row key, then the cells before the figures by the table's
# lead (print_budget.toml), each a marker and the header a preparer sees. Rows grouped by
# unit give the 单位代码 on the unit's row; its lines may leave it blank (it carries down).
AGENCY, GOV, CATEGORY = "agency", "gov", "category"
BUDGET_LEADS: dict[str, tuple[tuple[str, str], ...]] = {
    "blocks": ((LABEL, "项目"), (CODE, "科目编码（类）")),
    "fiscal": ((LABEL, "项目"), (CODE, "科目编码（类）")),
    "units": ((AGENCY, "单位代码"), (LABEL, "单位名称")),
    "function": ((CODE, "科目编码（7位项级）"), (AGENCY, "单位代码"), (LABEL, "单位（科目名称）")),
    "pair": ((CODE, "部门经济科目编码"), (LABEL, "科目名称"), (GOV, "政府经济科目编码")),
    "split": (
        (AGENCY, "单位代码"),
        (CODE, "部门经济科目编码"),
        (LABEL, "单位（科目名称）"),
        (GOV, "政府经济科目编码"),
    ),
    "typed": ((AGENCY, "单位代码"), (CATEGORY, "类型"), (LABEL, "单位（项目名称）")),
    "project": ((AGENCY, "单位代码"), (CATEGORY, "类型"), (LABEL, "单位（项目名称）")),
    "econ": ((CODE, "经济科目编码"), (LABEL, "科目名称")),
    "none": (),
}
BUDGET_CATEGORIES = {"typed": ("人员类", "公用经费"), "project": ("其他运转类", "特定目标类")}
