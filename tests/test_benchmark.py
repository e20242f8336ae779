from dateline.evaluate import speed


def test_benchmark_reports_both_sides_and_their_ratio(pipeline):
    figures = speed.run(speed.default_texts(), rounds=1, pipeline=pipeline)
    text = speed.report(figures)
    assert figures.tokens > 300 and figures.parse_s > 0 and figures.extract_s > 0
    for label in ("bare spaCy parse", "dateline.extract", "ratio extract/parse", "peak memory"):
        assert label in text


def test_scaling_replicates_to_distinct_texts_and_says_when_the_machine_was_busy(tmp_path):
    import datetime as dt
    import json

    from dateline.evaluate import scaling
    from dateline.record import content_key
    from tests.conftest import write_invented_jsonl

    write_invented_jsonl(tmp_path / "a.jsonl", 3)
    scaling.replicate(tmp_path / "a.jsonl", 8, tmp_path / "many.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "many.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 8 and len({content_key(r["text"]) for r in rows}) == 8
    assert len({r["id"] for r in rows}) == 8 and rows[3]["source"] == "Invented Wire (copy 1)"
    # each round of copies after the one before, by a month at least: the copies do not tell
    # the stories again while the originals still run
    first, second = [r["published"] for r in rows[:3]], [r["published"] for r in rows[3:6]]
    assert (dt.date.fromisoformat(min(second)) - dt.date.fromisoformat(max(first))).days >= 28
    batch = {"done": 10, "failed": 0, "seconds": 2.0, "stopped": None, "processes": 1}
    figures = {"articles": 10, "load_before": 1.5, "load_after": 1.2,
               "ingest": {"done": 10, "seconds": 4.0, "rate": 2.5, "peak_mib": 400.0},
               "batch_1": {**batch, "rate": 5.0, "peak_mib": 450.0},
               "batch_2": {**batch, "rate": 9.0, "peak_mib": 470.0}}
    text = scaling.report(figures)
    assert "scaling 2/1 workers   1.80x" in text and "met" in text
    assert "1.50 before, 1.20 after" in text and "too busy" in text
    assert "too busy" not in scaling.report({**figures, "load_before": 0.2})


def test_link_benchmark_counts_linking_and_publishing_in_ingest_s_share():
    from dateline.evaluate.linkspeed import ratios

    # three articles, each extracted, stored, linked and published (seconds)
    steps = {"extract": [0.100, 0.200, 0.100], "store": [0.010, 0.010, 0.030],
             "link": [0.020, 0.020, 0.040], "publish": [0.030, 0.010, 0.030]}
    small = {"median_s": 0.020, "publish_s": 0.030, "steps": steps}
    large = {"median_s": 0.030, "publish_s": 0.060}
    got = ratios(small, large)
    # after storing an article ingest links it and publishes the views: both are its cost,
    # against all four steps of the same article; the median of the articles' shares
    shares = sorted([0.050 / 0.160, 0.030 / 0.240, 0.070 / 0.200])
    assert abs(got["share_of_ingest"] - shares[1]) < 1e-9
    assert abs(got["probe_extract_s"] - 0.100) < 1e-9 and abs(got["probe_store_s"] - 0.010) < 1e-9
    assert abs(got["ratio"] - 1.5) < 1e-9 and abs(got["publish_ratio"] - 2.0) < 1e-9
    # a run of them publishes once, at its end
    run = {"extract": 0.400, "store": 0.050, "link": 0.080, "publish": 0.070}
    assert abs(ratios(small, large, run)["run_share"] - 0.150 / 0.600) < 1e-9


def test_link_benchmark_compares_each_run_with_linking_to_its_partner_without():
    from dateline.evaluate.linkspeed import added

    # the machine slowed by half between the second and the third pair: compared pair by
    # pair, linking adds a tenth each time
    got = added([11.0, 11.0, 16.5, 16.5], [10.0, 10.0, 15.0, 15.0])
    assert [round(a, 6) for a in got["added_each"]] == [0.1] * 4
    assert abs(got["added"] - 0.1) < 1e-9
    # one run without linking caught a quick moment of the machine: the fastest of each side
    # would say linking adds 22%; that pair does not carry the median
    assert abs(added([11.0, 16.5, 16.5], [10.0, 15.0, 9.0])["added"] - 0.1) < 1e-9
