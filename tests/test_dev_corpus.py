"""Real, openly licensed articles from ../shared/corpus/dev: every record meets the
contract, and statements that a reader can check in the text come out as a reader would."""
from .conftest import assert_valid


def test_dev_corpus_records_valid(pipeline, dev_articles):
    from dateline import Article

    records = list(pipeline.pipe(Article(text=a["text"], published=a.get("published"), title=a.get("title"))
                                 for a in dev_articles))
    assert len(records) == len(dev_articles)
    for record in records:
        assert_valid(record)
    assert sum(len(r["statements"]) for r in records) > 100


def _article(dev_articles, key):
    return next(a for a in dev_articles if a["id"] == key)


def test_dev_corpus_quote_attributed_through_pronoun(pipeline, dev_articles):
    article = _article(dev_articles, "dev-001")
    record = pipeline(article["text"])
    names = {e["id"]: e["name"] for e in record["entities"]}
    st = next(s for s in record["statements"] if s["content"]["text"].startswith("The explosion was very powerful"))
    assert st["kind"] == "direct"
    assert names[st["speaker"]["entity"]] == "Sharif Hotak"


def test_dev_corpus_according_to_and_claims(pipeline, dev_articles):
    article = _article(dev_articles, "dev-006")
    record = pipeline(article["text"])
    cues = {(s["cue"]["text"].lower(), s["stance"]) for s in record["statements"]}
    assert ("according to", "assert") in cues
    assert ("claimed", "claim") in cues


def test_dev_corpus_times_and_figures_a_reader_can_check(pipeline, dev_articles):
    # dev-082 (published 2020-07-12): "at least 71 people were arrested Friday night",
    # "protests have been taking place since Tuesday"
    article = _article(dev_articles, "dev-082")
    record = pipeline(article["text"], published=article["published"])
    arrested = next(f for f in record["figures"] if f["value"] == 71)
    assert (arrested["qualifier"], arrested["category"]) == ("at_least", "detained")
    times = {t["text"]: t["value"] for t in record["times"]}
    assert times["Friday night"] == "2020-07-10TNI"
    assert times["Tuesday"] == "2020-07-07"
    # dev-069 (published 2019-08-08): the shooting "On Saturday morning", "at 10:39 a.m."
    article = _article(dev_articles, "dev-069")
    record = pipeline(article["text"], published=article["published"])
    times = {t["text"]: t["value"] for t in record["times"]}
    assert times["Saturday morning"] == "2019-08-03TMO"
    assert times["10:39 a.m."] == "2019-08-03T10:39"
