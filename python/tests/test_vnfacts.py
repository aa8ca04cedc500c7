"""The Python package: the same values as the Rust tests and the command line, on the
project's corpus; parallel equal to sequential; errors as exceptions of the library's kinds;
the DataFrames' columns and dtypes; the docstrings' examples.

Run from the project's folder after installing the wheel: `pytest python/tests`. The command
line binary (for comparisons) is `$VNFACTS_BIN`, by default target/debug/vnfacts.
"""

import doctest
import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

import vnfacts

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
REPORT = ROOT / "corpus" / "hoi-nong-dan-so-ket-6-thang.txt"


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    # Sources are paths as given: relative to the project, as the corpus' expected files say.
    monkeypatch.chdir(ROOT)


def rel(p):
    return Path(os.path.relpath(p, ROOT))


def binary():
    b = Path(os.environ.get("VNFACTS_BIN", ROOT / "target" / "debug" / "vnfacts"))
    assert b.is_file(), f"no vnfacts binary at {b}: build it (cargo build) or set VNFACTS_BIN"
    return str(b)


def test_a_corpus_report_gives_the_values_of_the_rust_tests():
    doc = vnfacts.extract_file(rel(REPORT))
    assert doc["source"] == "corpus/hoi-nong-dan-so-ket-6-thang.txt"
    assert doc["document"]["date"] == "2024-07-05"
    money = [f for f in doc["facts"] if f["kind"] == "money"]
    assert {"text": "1 tỷ 350 triệu đồng", "value": 1350000000} in [
        {"text": f["text"], "value": f.get("value")} for f in money
    ]
    # Offsets index the text in chars, as SPEC.md says.
    text = REPORT.read_text(encoding="utf-8")
    for f in doc["facts"]:
        assert text[f["start"] : f["end"]] == f["text"]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_every_corpus_report_gives_its_expected_facts(path):
    expected = json.loads(path.with_suffix(".facts.json").read_text(encoding="utf-8"))
    doc = vnfacts.extract_file(rel(path))
    assert doc == expected


def test_the_same_documents_as_the_command_line():
    paths = [str(rel(p)) for p in CORPUS]
    out = subprocess.run(
        [binary(), "extract", *paths, "--quiet"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    cli = [json.loads(line) for line in out.splitlines()]
    assert vnfacts.extract_many([Path(p) for p in paths]) == cli


def test_old_encodings_and_word_files_are_read():
    tcvn3 = vnfacts.extract_file("corpus/encodings/tcvn3/dai-hoi-dang-bo-nhiem-ky.txt")
    assert tcvn3["document"]["encoding"]["name"] == "tcvn3"
    utf8 = vnfacts.extract_file("corpus/dai-hoi-dang-bo-nhiem-ky.txt")
    assert [(f["kind"], f["text"]) for f in tcvn3["facts"]] == [
        (f["kind"], f["text"]) for f in utf8["facts"]
    ]
    docx = vnfacts.extract_file(Path("corpus/formats/docx/dai-hoi-dang-bo-nhiem-ky.docx"))
    assert docx["document"]["format"] == "docx"
    assert {f["kind"] for f in docx["facts"]} >= {"count", "organization", "person"}
    # The same bytes handed over as bytes.
    raw = Path("corpus/encodings/tcvn3/dai-hoi-dang-bo-nhiem-ky.txt").read_bytes()
    (from_bytes,) = vnfacts.extract_many([raw])
    assert from_bytes["source"] == "<bytes>"
    assert from_bytes["facts"] == tcvn3["facts"]


def test_options():
    doc = vnfacts.extract("Ngày 8/3 hội trao 25 suất quà, quỹ 5 triệu đồng.", reference_year=2023)
    assert [(f["kind"], f.get("value")) for f in doc["facts"]][:1] == [("date", "2023-03-08")]
    only = vnfacts.extract("Ngày 8/3 hội trao 25 suất quà, quỹ 5 triệu đồng.", kinds=["money"])
    assert [f["kind"] for f in only["facts"]] == ["money"]
    assert vnfacts.extract("Quỹ 5 triệu đồng, 3 hộ.", kinds="money,count") == vnfacts.extract(
        "Quỹ 5 triệu đồng, 3 hộ.", kinds=["money", "count"]
    )
    import datetime

    rel_doc = vnfacts.extract("Hôm qua hội họp.", document_date=datetime.date(2024, 8, 15))
    assert rel_doc["facts"][0]["value"] == "2024-08-14"


def test_parallel_equals_sequential_and_keeps_the_order():
    texts = [p.read_text(encoding="utf-8") for p in CORPUS] * 8
    seq = [vnfacts.extract(t) for t in texts]
    assert vnfacts.extract_many(texts, jobs=2) == seq
    assert vnfacts.extract_many(texts) == seq
    assert vnfacts.extract_many(texts, jobs=1) == seq


def test_the_interpreter_runs_while_rust_reads():
    texts = [p.read_text(encoding="utf-8") for p in CORPUS] * 40
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    before = len(ticks)
    vnfacts.extract_many(texts, jobs=1)
    during = len(ticks) - before
    stop.set()
    t.join()
    # Holding the interpreter for the whole batch would let the other thread tick at most
    # once or twice.
    assert during > 10


def test_errors_are_exceptions_of_the_library_kinds():
    with pytest.raises(vnfacts.InputError) as e:
        vnfacts.extract_file("corpus/khong-co.txt")
    assert isinstance(e.value, vnfacts.Error)
    assert "khong-co.txt" in str(e.value)
    with pytest.raises(vnfacts.InvalidInputError, match="monney"):
        vnfacts.extract("Quỹ 5 triệu đồng.", kinds=["monney"])
    with pytest.raises(vnfacts.InvalidInputError):
        vnfacts.extract("Quỹ 5 triệu đồng.", document_date="2024-02-30")
    with pytest.raises(vnfacts.DecodeError):
        vnfacts.extract_file(
            "corpus/encodings/tcvn3/dai-hoi-dang-bo-nhiem-ky.txt", encoding="utf-8"
        )
    with pytest.raises(vnfacts.InvalidInputError):
        vnfacts.extract_file(REPORT, encoding="ebcdic")
    with pytest.raises(TypeError):
        vnfacts.extract(b"bytes")
    with pytest.raises(TypeError):
        vnfacts.extract_many([42])


def test_a_bad_input_in_a_batch_raises_or_is_recorded():
    inputs = ["Có 3 hộ.", Path("corpus/khong-co.txt"), "Đạt 97%."]
    with pytest.raises(vnfacts.InputError):
        vnfacts.extract_many(inputs)
    docs = vnfacts.extract_many(inputs, on_error="record")
    assert [d["source"] for d in docs] == ["-", "corpus/khong-co.txt", "-"]
    assert "error" in docs[1] and "facts" not in docs[1]
    assert docs[2]["facts"][0]["value"] == 97
    frame = vnfacts.to_pandas(docs)
    assert list(frame["kind"]) == ["count", "error", "percent"]


def test_a_user_lexicon(tmp_path):
    lex = tmp_path / "lexicon.toml"
    lex.write_text(
        '[abbreviations]\nCNCLB = { full = "Chủ nhiệm Câu lạc bộ", kind = "role" }\n',
        encoding="utf-8",
    )
    doc = vnfacts.extract("Đồng chí Lê Văn Sỹ - CNCLB phát biểu.", lexicon=lex)
    people = [f for f in doc["facts"] if f["kind"] == "person"]
    assert people and people[0]["role"] == "Chủ nhiệm Câu lạc bộ"
    bad = tmp_path / "bad.toml"
    bad.write_text("[abbreviations\n", encoding="utf-8")
    with pytest.raises(vnfacts.LexiconError, match="bad.toml"):
        vnfacts.extract("Có 3 hộ.", lexicon=bad)


def test_table_rows_equal_the_command_line():
    paths = [str(rel(p)) for p in CORPUS]
    out = subprocess.run(
        [binary(), "table", *paths, "--format", "jsonl", "--quiet"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    cli = [json.loads(line) for line in out.splitlines()]
    rows = vnfacts.table([Path(p) for p in paths], jobs=2)
    assert len(rows) > 100
    assert rows == cli
    assert list(rows[0]) == list(vnfacts.INDICATOR_COLUMNS)


def test_dataframes_columns_and_dtypes():
    import pandas as pd
    docs = vnfacts.extract_many([Path(rel(p)) for p in CORPUS])
    facts = vnfacts.to_pandas(docs)
    assert list(facts.columns) == list(vnfacts.FACT_COLUMNS) + list(vnfacts.CONTEXT_COLUMNS)
    assert len(facts) == sum(len(d["facts"]) for d in docs)
    assert str(facts["line"].dtype) == "Int64"
    assert str(facts["start"].dtype) == "Int64"
    assert str(facts["year_inferred"].dtype) == "boolean"
    # Dates' values (ISO days) stand among the figures' numbers: object. Amounts alone stay
    # exact integers; with percentages' decimals, Float64.
    assert facts["value"].dtype == object
    money = vnfacts.to_pandas([vnfacts.extract("Quỹ 15.500 000 đồng và 12 tỷ đồng.")])
    assert str(money["value"].dtype) == "Int64"
    assert list(money["value"]) == [15500000, 12000000000]
    both = vnfacts.to_pandas([vnfacts.extract("Quỹ 15.500 000 đồng, đạt 97,5%.")])
    assert str(both["value"].dtype) == "Float64"
    assert list(both["value"]) == [15500000.0, 97.5]
    report = facts[facts["source"] == "corpus/hoi-nong-dan-so-ket-6-thang.txt"]
    row = report[report["text"] == "1 tỷ 350 triệu đồng"].iloc[0]
    assert row["value"] == 1350000000 and row["kind"] == "money" and row["line"] == 8
    assert row["organization"] and row["period_from"] == "2024-01-01"

    indicators = vnfacts.to_pandas(docs, rows="indicators")
    assert list(indicators.columns) == list(vnfacts.INDICATOR_COLUMNS)
    assert str(indicators["value"].dtype) == "Float64"
    table = vnfacts.to_pandas(vnfacts.table([Path(rel(p)) for p in CORPUS]), rows="indicators")
    assert len(indicators) == len(table)
    same = ["source", "organization", "period_from", "period_to", "metric", "value", "kind"]
    pd.testing.assert_frame_equal(indicators[same], table[same])
    with pytest.raises(vnfacts.InvalidInputError):
        vnfacts.to_pandas(docs, rows="cells")


def test_help_and_docstring_examples():
    assert "reference_year" in vnfacts.extract.__doc__
    assert vnfacts.extract.__doc__.count(">>>") >= 2
    assert "FACT_COLUMNS" in vnfacts.to_pandas.__doc__
    failures, tried = doctest.testmod(
        vnfacts, extraglobs={"vnfacts": vnfacts}, optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert tried >= 8
    assert failures == 0


def test_a_batch_leaves_the_collector_as_it_found_it():
    import gc

    assert gc.isenabled()
    vnfacts.extract_many(["Có 3 hộ."] * 10)
    assert gc.isenabled()
    gc.disable()
    try:
        vnfacts.extract_many(["Có 3 hộ.", Path("corpus/khong-co.txt")], on_error="record")
        assert not gc.isenabled()
        with pytest.raises(vnfacts.InputError):
            vnfacts.extract_many([Path("corpus/khong-co.txt")])
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(vnfacts.InputError):
        vnfacts.extract_many([Path("corpus/khong-co.txt")])
    assert gc.isenabled()


def test_extract_iter_reads_lazily_in_chunks():
    paths = [Path(rel(p)) for p in CORPUS] * 3
    pulled = []

    def lazy():
        for p in paths:
            pulled.append(p)
            yield p

    it = vnfacts.extract_iter(lazy(), chunk_size=5, jobs=2)
    first = next(it)
    # One chunk read, not the whole input.
    assert len(pulled) == 5
    rest = list(it)
    assert [first] + rest == vnfacts.extract_many(paths)
    with pytest.raises(vnfacts.InvalidInputError):
        list(vnfacts.extract_iter(paths, chunk_size=0))
