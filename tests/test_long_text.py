"""A text past spaCy's max_length is parsed in paragraph chunks joined into one Doc: the
offsets stay exact and memory stays bounded. This test takes a few minutes."""
import json
import resource
import subprocess
import sys

import pytest

from dateline.resources import DATA
from dateline.record import validation_errors

LIMIT_MIB = 2048


@pytest.mark.slow
def test_long_text_five_megabytes(tmp_path):
    paragraph_block = (DATA / "examples" / "wire-report.txt").read_text(encoding="utf-8")
    pieces, size = [], 0
    n = 0
    while size < 5_000_000:
        # vary the text so that the record is not one article repeated verbatim
        piece = paragraph_block.replace("Tarsk", f"Tarsk-{n % 97}")
        pieces.append(piece)
        size += len(piece) + 1
        n += 1
    text = "\n".join(pieces)
    assert len(text) > 1_000_000  # past spaCy's default max_length
    source = tmp_path / "long.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "long.json"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run([sys.executable, "-m", "dateline", "extract", str(source), "--compact", "-o", str(out)],
                          capture_output=True, timeout=1800)
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert before / 1024 < LIMIT_MIB and peak_mib < LIMIT_MIB, f"peak {peak_mib:.0f} MiB"
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["document"]["text"] == text
    assert not validation_errors(record)
    # quotations far into the text are found with exact offsets
    last = record["statements"][-1]
    assert last["content"]["start"] > 4_900_000
    assert len(record["statements"]) > 15 * n // 2
