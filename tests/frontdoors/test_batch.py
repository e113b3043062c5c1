"""Batch coding on Dask distributed: local cluster, an external scheduler, resume after kill -9."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

from eventwire.frontdoors.batch import run_batch

SENTENCES = [
    "Gunmen killed three villagers in Zamfara state on Monday, police said.",
    "Soldiers clashed with rebels near Goma on Tuesday.",
    "Hundreds of students protested in Dhaka on Wednesday against a fee increase.",
    "Russian forces shelled Kharkiv overnight, killing two people.",
    "Police arrested 12 protesters in Nairobi on Thursday.",
    "An airstrike hit a market in Saada on Friday.",
]


def corpus(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "docs.jsonl"
    with open(path, "w") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"d{i}", "text": SENTENCES[i % len(SENTENCES)] + f" Report {i}.",
                                "published": "2024-03-05"}) + "\n")
        f.write("{not json\n")
    return path


def ids(out: Path, table: str = "documents") -> list[str]:
    return pq.read_table(out / table, columns=["id"]).column("id").to_pylist()


def test_local_cluster_writes_every_table(tmp_path):
    out = tmp_path / "out"
    stats = run_batch([str(corpus(tmp_path, 7))], str(out), workers=2, chunk_size=3)
    assert stats.documents == 8 and stats.failed == 1 and stats.chunks == 3
    got = ids(out)
    assert sorted(got) == sorted([f"d{i}" for i in range(7)] + ["docs.jsonl:8"])
    for table in ("events", "places", "times"):
        assert (out / table).is_dir()
    again = run_batch([str(corpus(tmp_path, 7))], str(out), workers=1, chunk_size=3)
    assert again.skipped_chunks == 3 and again.documents == 0
    assert sorted(ids(out)) == sorted(got)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_external_scheduler_and_workers_as_separate_processes(tmp_path):
    port = free_port()
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    sched = subprocess.Popen([*dask, "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", f"tcp://127.0.0.1:{port}",
                               "--nworkers", "1", "--nthreads", "1", "--no-dashboard"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        out = tmp_path / "out"
        proc = subprocess.run([sys.executable, "-m", "eventwire", "batch", str(corpus(tmp_path, 4)),
                               "--out", str(out), "--scheduler", f"tcp://127.0.0.1:{port}", "--chunk-size", "2"],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        assert "5 documents coded (1 failed" in " ".join(proc.stderr.split())
        assert len(ids(out)) == 5
    finally:
        for p in (worker, sched):
            p.terminate()
            p.wait(timeout=30)


def test_resume_after_kill_minus_9_loses_and_duplicates_nothing(tmp_path):
    src, out = corpus(tmp_path, 40), tmp_path / "out"
    cmd = [sys.executable, "-m", "eventwire", "batch", str(src), "--out", str(out), "--workers", "1",
           "--chunk-size", "2"]
    job = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 240
    while time.time() < deadline and len(list((out / "_done").glob("*.json"))) < 3:
        time.sleep(0.2)
    os.killpg(job.pid, signal.SIGKILL)  # the whole job: client, nanny and worker
    job.wait()
    done_before = len(list((out / "_done").glob("*.json")))
    assert 3 <= done_before < 21, "the job should have been cut short"
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    got = ids(out)
    assert len(got) == len(set(got)) == 41
    assert f"{done_before} chunks already" in " ".join(proc.stderr.split())  # rich wraps at any width
    assert not list(out.rglob(".*.tmp*")), "a file cut short by the kill is left behind"


def test_a_write_cut_short_neither_breaks_readers_nor_survives_the_next_run(tmp_path):
    """A kill -9 during a write leaves a truncated temporary file: a Parquet reader of the table
    folder must not see it, and the next run sweeps it away."""
    src, out = corpus(tmp_path, 4), tmp_path / "out"
    run_batch([str(src)], str(out), workers=1, chunk_size=2)
    cut = out / "documents" / ".part-000009.parquet.tmp4242"  # hidden, as batch names its temporaries
    cut.write_bytes(b"PAR1 truncated by a kill")
    marker_cut = out / "_done" / ".part-000009.json.tmp4242"
    marker_cut.write_text('{"fingerp')
    assert sorted(ids(out)) == sorted([f"d{i}" for i in range(4)] + ["docs.jsonl:5"])
    again = run_batch([str(src)], str(out), workers=1, chunk_size=2)
    assert again.skipped_chunks == 3
    assert not cut.exists() and not marker_cut.exists()
