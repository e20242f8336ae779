import time

import pytest

from dateline.quotes import find_quotes


def inner(text):
    return [text[q.start:q.end] for q in find_quotes(text) if not q.single]


@pytest.mark.parametrize("text, expected", [
    ("“We will stay,” she said.", ["We will stay,"]),
    ('He said: "We will stay." Then he left.', ["We will stay."]),
    ("He called it „eine Lüge“ on Monday.", ["eine Lüge"]),
    ("Il a dit « non » hier.", [" non "]),
])
def test_quotes_pairs(text, expected):
    assert inner(text) == expected


def test_quotes_run_over_paragraphs_when_reopened():
    text = "“First paragraph of the quote.\n“Second paragraph,” he said.\nNext story."
    assert inner(text) == ["First paragraph of the quote.\n“Second paragraph,"]


def test_quotes_stray_mark_opens_nothing():
    text = "He said the army was fighting in the “Hama and Homs countryside.\nSyria’s minister told TV."
    assert inner(text) == []


def test_quotes_apostrophes_are_not_quotes():
    text = "Syria’s army said it’s ready; the militants’ positions fell. Russia says ‘terrorist group’ won’t rule."
    singles = [text[q.start:q.end] for q in find_quotes(text) if q.single]
    assert singles == ["terrorist group"]


def test_quotes_unbalanced_marks_cost_linear_time():
    text = ("He said “ and then ” and “ " * 200) + "\n" + ('"' * 200)
    start = time.perf_counter()
    find_quotes(text * 50)
    assert time.perf_counter() - start < 5
