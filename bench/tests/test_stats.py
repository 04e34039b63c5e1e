import pytest

from harness.stats import fmt_cell, fmt_num, fmt_ratio, markdown_table, median, percentile, ratio, spread_pct


def test_median_odd_and_even():
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5
    with pytest.raises(ValueError):
        median([])


def test_percentile_interpolates_like_numpy():
    data = list(range(1, 101))  # 1..100
    assert percentile(data, 50) == pytest.approx(50.5)
    assert percentile(data, 99) == pytest.approx(99.01)
    assert percentile(data, 0) == 1 and percentile(data, 100) == 100
    assert percentile([7.0], 99) == 7.0
    with pytest.raises(ValueError):
        percentile(data, 101)


def test_spread_and_ratio():
    assert spread_pct([90, 100, 110]) == pytest.approx(20)
    assert spread_pct([0, 0]) == 0
    assert ratio(2, 4) == 0.5
    assert ratio(1, 0) is None and ratio(None, 1) is None


def test_formatting():
    assert fmt_num(239.4) == "239"
    assert fmt_num(0.6349) == "0.635"
    assert fmt_num(43.41) == "43.4"
    assert fmt_num(None) == "n/a"
    assert fmt_ratio(0.714) == "0.71x" and fmt_ratio(None) == "n/a"
    assert fmt_cell([230, 239, 250]) == "239 (230–250)"
    assert fmt_cell([1.5]) == "1.50"


def test_markdown_table_aligns_columns():
    out = markdown_table(["a", "long header"], [["x", "1"], ["yyyy", "22"]]).splitlines()
    assert out[0] == "| a    | long header |"
    assert out[1] == "|------|-------------|"
    assert out[3] == "| yyyy | 22          |"
