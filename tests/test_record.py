import json

import pytest

from dateline.errors import EmptyInput, MetadataError, NotText
from dateline.resources import DATA
from dateline.record import (Article, check_published, document_id, new_record, normalise_text, text_from_bytes)

from .conftest import shared_path


def test_record_schema_copy_is_the_contract():
    shipped = json.loads((DATA / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    contract = json.loads(shared_path("contract/document.schema.json").read_text(encoding="utf-8"))
    assert shipped == contract


@pytest.mark.parametrize("value", ["2024-12-07", "2024-12-07T14:30:00Z", "2024-12-07T14:30:00+02:00"])
def test_record_published_accepts_iso(value):
    assert check_published(value) == value


@pytest.mark.parametrize("value", ["07/12/2024", "December 7", "2024-13-01", "2024-02-30", "yesterday", "2024"])
def test_record_published_rejects_other_forms(value):
    with pytest.raises(MetadataError, match="not an ISO date"):
        check_published(value)


def test_record_id_is_stable_under_whitespace():
    assert document_id("A  b\nc") == document_id("A b c")
    assert document_id("A b c") != document_id("A b d")


def test_record_line_endings_normalised_only():
    assert normalise_text("\ufeffa\r\nb\rc  d") == "a\nb\nc  d"


@pytest.mark.parametrize("data, message", [
    (b"\x00\x01\x02binary", "binary"),
    ("caf\u00e9".encode("latin-1"), "not UTF-8"),
    (bytes(range(1, 31)) * 10, "binary"),
])
def test_record_refuses_what_is_not_text(data, message):
    with pytest.raises(NotText, match=message):
        text_from_bytes(data, "input.txt")


def test_record_empty_text_refused():
    with pytest.raises(EmptyInput):
        new_record(Article(text=" \n\t "))
