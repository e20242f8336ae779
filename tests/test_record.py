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


@pytest.mark.parametrize("value, iso", [
    ("Sat, 07 Dec 2024 14:30:00 GMT", "2024-12-07T14:30:00+00:00"),  # an RSS item's pubDate
    ("Sat, 07 Dec 2024 14:30:00 +0200", "2024-12-07T14:30:00+02:00"),
    ("2024-12-07 14:30:00+02:00", "2024-12-07T14:30:00+02:00"),  # as a database exports a timestamp
    ("2024-12-07 14:30:00", "2024-12-07T14:30:00"),
])
def test_record_published_accepts_rfc_2822_as_iso(value, iso):
    assert check_published(value) == iso


@pytest.mark.parametrize("value", ["07/12/2024", "December 7", "2024-13-01", "2024-02-30", "yesterday", "2024",
                                   "2024-12-07 25:00:00", "2024-12-07 14:30 in the afternoon",
                                   "Sat, 32 Dec 2024 14:30:00 GMT"])
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


# -- issue 18, item 4 ----------------------------------------------------------------------

TEXT = "The ministry said on Monday that the crossing at Vell had reopened."


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_record_utf16_and_utf32_with_a_byte_order_mark_are_text(codec):
    data = TEXT.encode(codec)
    if not codec.endswith(("le", "be")):
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff")  # Python's own codec writes the mark
    else:
        data = ("\ufeff" + TEXT).encode(codec)
    assert text_from_bytes(data, "report.txt") == TEXT


def test_record_utf16_that_does_not_decode_is_named_so():
    with pytest.raises(NotText, match="not UTF-16"):
        text_from_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8", "report.txt")  # a lone high surrogate


def test_record_a_nul_anywhere_is_refused():
    data = (TEXT + " ") .encode() * 2000 + b"\x00" + TEXT.encode()
    assert len(data) > 65536
    with pytest.raises(NotText, match="NUL"):
        text_from_bytes(data, "report.txt")
    with pytest.raises(NotText, match="NUL"):
        text_from_bytes(("\ufeff" + TEXT * 3000 + "\x00").encode("utf-16"), "report.txt")


@pytest.mark.parametrize("text, words", [
    (b"bytes of a report", "text must be a str, not bytes"),
    (None, "text must be a str, not NoneType"),
    (7, "text must be a str, not int"),
    ("a lone \ud800 surrogate", "text holds a lone surrogate"),
    ("a NUL \x00 inside", "text holds a NUL"),
])
def test_record_text_that_is_not_a_str_of_unicode_is_refused_naming_it(text, words):
    from dateline import DatelineError

    with pytest.raises(DatelineError, match=words):
        new_record(Article(text=text))


@pytest.mark.parametrize("field, value, words", [
    ("title", b"Crossing reopens", "title must be a str, not bytes"),
    ("source", 3, "source must be a str, not int"),
    ("url", "https://example.org/\udcff", "url holds a lone surrogate"),
    ("id", ["a"], "id must be a str, not list"),
    ("published", 20241207, "published must be an ISO date"),
    ("published", b"2024-12-07", "published must be an ISO date"),
])
def test_record_metadata_of_the_wrong_type_is_refused_naming_it(field, value, words):
    from dateline import DatelineError

    with pytest.raises(DatelineError, match=words):
        new_record(Article(text=TEXT, **{field: value}))


def test_record_published_takes_a_date_or_a_datetime():
    import datetime as dt

    def published(value):
        return new_record(Article(text=TEXT, published=value))["document"]["published"]

    assert published(dt.date(2024, 12, 7)) == "2024-12-07"
    assert published(dt.datetime(2024, 12, 7, 14, 30)) == "2024-12-07T14:30:00"
    assert published(dt.datetime(2024, 12, 7, 14, 30, tzinfo=dt.timezone.utc)) == "2024-12-07T14:30:00+00:00"
    assert check_published(dt.date(2024, 12, 7)) == "2024-12-07"
