"""Spark in local mode (`local[2]`, the machine's Java 17): the two jobs of examples/spark/
over 10,000 generated records, each equal record for record to one single-process run of the
command line, and their throughput beside it.

Marked `spark`; `.ci/run` installs pyspark and runs it. The figures print with `pytest -s`.
"""

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "spark"))

pytestmark = pytest.mark.spark
RECORDS = 10_000


def binary():
    b = Path(os.environ.get("VNFACTS_BIN", ROOT / "target" / "debug" / "vnfacts"))
    assert b.is_file(), f"no vnfacts binary at {b}: build it (cargo build) or set VNFACTS_BIN"
    return str(b)


def make_records(path, n, seed=7):
    """`n` report-like records from the corpus' sentences, shuffled, their numbers varied:
    the same records for the same seed."""
    rng = random.Random(seed)
    sentences = []
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        for line in p.read_text(encoding="utf-8").splitlines():
            for s in line.split(". "):
                if len(s) > 20:
                    sentences.append(s.strip().rstrip(".") + ".")

    def vary(s):
        out = []
        for w in s.split(" "):
            if w.isdigit() and len(w) <= 3:
                w = str(rng.randint(1, 999))
            out.append(w)
        return " ".join(out)

    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(vary(rng.choice(sentences)) for _ in range(rng.randint(3, 8)))
            f.write(json.dumps({"id": f"r{i:05d}", "text": text}, ensure_ascii=False) + "\n")


@pytest.fixture(scope="module")
def spark():
    import pyspark
    from pyspark.sql import SparkSession

    # The workers run this interpreter, which has the package.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    s = (
        SparkSession.builder.master("local[2]")
        .appName("vnfacts tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    print(f"\nSpark {pyspark.__version__}, local[2]")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    path = tmp_path_factory.mktemp("spark") / "records.jsonl"
    make_records(path, RECORDS)
    return path


@pytest.fixture(scope="module")
def single(records):
    """One single-process run of the command line: the documents by record id, and its time."""
    t = time.perf_counter()
    out = subprocess.run(
        [binary(), "extract", "--input", "jsonl", "--jobs", "1", "--quiet", str(records)],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    took = time.perf_counter() - t
    docs = [json.loads(line) for line in out.splitlines()]
    assert len(docs) == RECORDS
    return {d["source"]: d for d in docs}, took


def report(name, took, single_took, records):
    mb = records.stat().st_size / 1e6
    print(
        f"{name}: {took:.2f} s for {RECORDS} records ({mb:.1f} MB, {mb / took:.2f} MB/s); "
        f"the single-process CLI (--jobs 1) {single_took:.2f} s ({mb / single_took:.2f} MB/s): "
        f"ratio {single_took / took:.2f}"
    )


def test_pipe_through_the_binary_equals_one_run(spark, records, single):
    import pipe_job

    expected, single_took = single
    t = time.perf_counter()
    lines = pipe_job.run(spark, str(records), binary=binary(), partitions=2).collect()
    took = time.perf_counter() - t
    docs = [json.loads(line) for line in lines]
    assert len(docs) == RECORDS
    assert sorted(d["source"] for d in docs) == sorted(expected)
    for d in docs:
        assert d == expected[d["source"]]
    report("rdd.pipe through vnfacts", took, single_took, records)


def test_map_in_pandas_with_the_package_equals_one_run(spark, records, single):
    import pandas_job

    expected, single_took = single
    # The workers import the job's functions by module, as `spark-submit --py-files` ships it.
    spark.sparkContext.addPyFile(pandas_job.__file__)
    t = time.perf_counter()
    rows = pandas_job.run(spark, str(records), partitions=2).collect()
    took = time.perf_counter() - t
    assert len(rows) == RECORDS
    for r in rows:
        d = json.loads(r["json"])
        assert d["source"] == r["id"]
        assert d == expected[r["id"]]
    report("mapInPandas with the package", took, single_took, records)


def test_the_package_in_one_process(records, single):
    """The same records through the package alone (no Spark), for the figures."""
    import vnfacts

    expected, single_took = single
    lines = records.read_text(encoding="utf-8").splitlines()
    recs = [json.loads(line) for line in lines]
    t = time.perf_counter()
    docs = vnfacts.extract_many([r["text"] for r in recs], jobs=1)
    took = time.perf_counter() - t
    for r, d in zip(recs, docs):
        d["source"] = r["id"]
        assert d == expected[r["id"]]
    report("vnfacts.extract_many, jobs=1, no Spark", took, single_took, records)
