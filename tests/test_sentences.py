"""Each statement, event and figure points at the whole sentence(s) that hold it."""
from __future__ import annotations

TEXT = ("Officials in Mosul said on Tuesday that 14 people were killed in an air strike.\n"
        "\"We heard two explosions and then the roof fell,\" said Huda Salem, a teacher. "
        "She added that many families had fled.\n"
        "The ministry denied that its jets had struck the district.")


def test_items_point_at_their_sentences(pipeline):
    record = pipeline(TEXT, published="2024-05-07")
    items = record["statements"] + record["events"] + record["figures"]
    assert record["statements"] and record["events"] and record["figures"]
    for item in items:
        start, end = item["sentence"]["start"], item["sentence"]["end"]
        sentence = TEXT[start:end]
        assert start == 0 or TEXT[start - 1] in " \n", sentence  # begins where a sentence begins
        assert sentence.rstrip().endswith((".", "\"", "”")), sentence
        inner = item.get("trigger") or item.get("content") or item
        assert start <= inner["start"] and inner["end"] <= end
    quote = next(s for s in record["statements"] if s["kind"] == "direct")
    assert TEXT[quote["sentence"]["start"]:quote["sentence"]["end"]].endswith("a teacher.")
    killed = next(f for f in record["figures"] if f["value"] == 14)
    assert TEXT[killed["sentence"]["start"]:killed["sentence"]["end"]].startswith("Officials in Mosul")


def test_seed_sentences_hold_their_items(seed_record):
    text = seed_record["document"]["text"]
    for item in seed_record["statements"] + seed_record["events"] + seed_record["figures"]:
        sentence = text[item["sentence"]["start"]:item["sentence"]["end"]]
        assert sentence.strip() == sentence and sentence


def test_no_sentence_after_a_dateline_is_one_word_long(pipeline):
    # handed a sentence start after the dateline, the small model ended one after "Kyrgyz"
    text = ("ISFARA, Tajikistan, May 4 (Harbour Times) - Kyrgyz and Tajik border guards exchanged fire near the "
            "village of Vardovo on Tuesday, the border service said.")
    record = pipeline(text, published="2031-05-04")
    said = next(s for s in record["statements"] if s["cue"]["text"] == "said")
    assert said["content"]["text"].startswith("Kyrgyz and Tajik border guards"), said["content"]
