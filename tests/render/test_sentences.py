"""情况说明 written from the data: the sentences of seed 002 recomputed from its tables and
the figures its own narrative states (checked by hand against the seed's text), the
direction words and the placeholders."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import FINAL_SEEDS, SEEDS, corpus_file
from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.supplement import Supplement
from yujuesuan.narrative.final_sentences import Written, final_narrative
from yujuesuan.pipeline import parse
from yujuesuan.template.recall import recall


@pytest.fixture(scope="module")
def seed002() -> Disclosure:
    return parse([corpus_file(SEEDS / FINAL_SEEDS["002"])])


def section(written: list[Written], key: str) -> list[str]:
    return [line.text for w in written if w.key == key for line in w.lines]


def test_totals_income_and_expense_restate_the_tables(seed002: Disclosure) -> None:
    w = final_narrative(seed002, recall(seed002))
    # prior year 219.67 = 217.48 + 2.19 (the seed's 与上年度相比…减少2.19万元); 2.19 / 219.67 = 0.997%
    assert section(w, "一") == [
        "2023年度收、支总计均为217.48万元。与上年度相比，收、支总计各减少2.19万元，下降1.00%，"
        "主要原因是：2023年较2022年减少了人力资源和社会保障管理事业支出中津贴补贴、培训费、社保费支出。"
    ]
    assert section(w, "二") == ["2023年度收入合计217.46万元，其中：财政拨款收入217.46万元，占100.00%。"]
    # 164.77 / 217.48 = 75.763%, 52.71 / 217.48 = 24.237%
    assert section(w, "三") == [
        "2023年度支出合计217.48万元，其中：基本支出164.77万元，占75.76%；项目支出52.71万元，占24.24%。"
    ]


def test_items_of_five_three_carry_their_budget_and_completion(seed002: Disclosure) -> None:
    lines = section(final_narrative(seed002, recall(seed002)), "五")
    # Σ 年初预算 of the seven 项 = 217.99 (the seed prints 217.99); 217.46 / 217.99 = 99.757%
    assert (
        "2023年度一般公共预算财政拨款支出年初预算为217.99万元，支出决算为217.46万元，完成年初预算的99.76%。其中："
        in lines
    )
    # the seed prints 96.7% here; 7.91 / 8.18 = 96.699…% is 96.70% at two decimals
    assert any("年初预算为8.18万元，支出决算为7.91万元，完成年初预算的96.70%。" in x for x in lines)
    assert any(
        x.startswith("1. 科学技术支出（类）其他科学技术支出（款）其他科学技术支出（项）。")
        and x.endswith("完成年初预算的100.00%。决算数与年初预算数持平。")
        for x in lines
    )


def test_basic_spending_lists_only_items_with_a_basic_amount(seed002: Disclosure) -> None:
    (line,) = section(final_narrative(seed002, recall(seed002)), "六")
    assert line.startswith(
        "2023年度一般公共预算财政拨款基本支出164.76万元，其中：人员经费155.93万元，主要包括：基本工资、"
    )
    assert (
        "公用经费8.83万元，主要包括：办公费、差旅费、维修（护）费、劳务费、福利费、其他商品和服务支出。"
        in line
    )
    assert "印刷费" not in line  # zero in F06, listed by the seed (N19)


def test_empty_fund_tables_take_the_null_form(seed002: Disclosure) -> None:
    w = final_narrative(seed002, Supplement())
    assert section(w, "七") == ["我单位2023年度没有政府性基金收入，也没有使用政府性基金安排的支出。"]
    assert section(w, "八") == ["我单位2023年度没有国有资本经营收入，也没有使用国有资本经营安排的支出。"]


@pytest.mark.parametrize(
    ("prior", "words"),
    [
        (Decimal("200.00"), "各增加17.48万元，增长8.74%，主要原因是：【待填写："),
        (Decimal("230.00"), "各减少12.52万元，下降5.44%，主要原因是：【待填写："),
        (Decimal("217.48"), "与上年度相比，收、支总计持平。"),
    ],
)
def test_direction_words_follow_the_sign(seed002: Disclosure, prior: Decimal, words: str) -> None:
    (line,) = section(final_narrative(seed002, Supplement(amounts={"prior.total": prior})), "一")
    assert words in line


def test_a_missing_figure_prints_a_placeholder(seed002: Disclosure) -> None:
    w = final_narrative(seed002, Supplement())
    assert section(w, "一") == [
        "2023年度收、支总计均为217.48万元。与上年度相比，收、支总计的变动【待填写：上年度收、支总计】。"
    ]
    assert section(w, "十")[0].startswith("2023年度机关运行经费支出【待填写：")


def test_shanxi_gathers_ten_to_thirteen_under_other_matters() -> None:
    d = parse([corpus_file(SEEDS / FINAL_SEEDS["004"])])
    w = final_narrative(d, recall(d))
    assert [x.heading for x in w][-1] == "十、其他重要事项情况说明"
    assert [x.heading for x in w][3] == "四、财政拨款收支决算总体情况说明"
    lines = section(w, "十")
    assert lines[0] == "（一）机关运行经费支出情况说明"
    # F10 r5 + r6 = 1,183,793.33 + 1,409,396.18; the seed states a decrease of 336,666.15
    assert lines[1].startswith(
        "2022年度机关运行经费支出2,593,189.51元。与上年度相比，机关运行经费减少336,666.15元，下降11.49%"
    )
