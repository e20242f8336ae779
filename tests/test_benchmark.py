from dateline.evaluate import speed


def test_benchmark_reports_both_sides_and_their_ratio(pipeline):
    figures = speed.run(speed.default_texts(), rounds=1, pipeline=pipeline)
    text = speed.report(figures)
    assert figures.tokens > 300 and figures.parse_s > 0 and figures.extract_s > 0
    for label in ("bare spaCy parse", "dateline.extract", "ratio extract/parse", "peak memory"):
        assert label in text
