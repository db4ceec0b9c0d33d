"""How the summary's units are put on pages (companion.reports.pdf.paginate and balanced), worked by hand:
whole units only, a chart that does not fit waits while whole sections fill the page, no almost empty last
page."""

from __future__ import annotations

from companion.reports.pdf import balanced, paginate


def test_units_fill_pages_whole_and_a_tall_one_has_a_page_to_itself() -> None:
    assert paginate([40, 40, 30], 100) == [[0, 1], [2]]
    assert paginate([60, 150, 10], 100) == [[0], [1], [2]]
    assert paginate([100, 1], 100) == [[0], [1]]


def test_a_chart_waits_while_whole_sections_after_it_fill_the_page() -> None:
    # 0 text (50), 1 chart (60) does not fit; 2-3 a section of 20 + 10 fits, 4 starts a section too long
    heights = [50, 60, 20, 10, 30, 30]
    pages = paginate(heights, 100, floats=[1], sections=[2, 4])
    assert pages == [[0, 2, 3], [1, 4], [5]]
    # a section that would not fit whole is not cut by the waiting chart: the chart comes first
    assert paginate([50, 60, 30, 30], 100, floats=[1], sections=[2]) == [[0], [1, 2], [3]]


def test_an_almost_empty_last_page_is_balanced_with_the_same_number_of_pages() -> None:
    heights = [30] * 7  # 3 a page: 90, 90, 30
    assert paginate(heights, 100) == [[0, 1, 2], [3, 4, 5], [6]]
    assert balanced(heights, 100) == [[0, 1, 2], [3, 4], [5, 6]]  # 90, 60, 60
    assert balanced([30, 30, 30, 30], 100) == [[0, 1], [2, 3]]
    assert balanced([50, 45], 100) == [[0, 1]]
    assert balanced([80, 50], 100) == [[0], [1]]  # half full already: left as it is
    assert balanced([95, 10], 100) == [[0], [1]]  # nothing can move: the page before keeps at least one unit
