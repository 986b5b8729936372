"""Behaviour that corpus runs rely on, checked on small inputs (timings live in benchmarks/)."""

from __future__ import annotations

import gc

from checks.pipeline import run
from tests.conftest import SOURCES


def test_a_run_leaves_the_cyclic_collector_as_it_found_it():
    seen = []
    run([str(SOURCES)], progress=lambda *_args, **_kw: seen.append(gc.isenabled()))
    assert seen and not any(seen)  # off while the run allocates its claims
    assert gc.isenabled()
    gc.disable()
    try:
        run([str(SOURCES)])
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_a_large_run_uses_worker_processes_and_keeps_document_order(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = sorted(SOURCES.glob("*.txt"))
    for i in range(20):  # above the pool's threshold of 16 documents
        (folder / f"doc{i:02d}.txt").write_bytes(texts[i % len(texts)].read_bytes())
    pooled = run([str(folder)], jobs=2)
    serial = run([str(folder)], jobs=1)
    assert [s.id for s in pooled.sources] == [f"doc{i:02d}" for i in range(20)]
    assert [(c.id, c.verdict) for c in pooled.claims] == [(c.id, c.verdict) for c in serial.claims]
