"""vnfacts: the facts of Vietnamese reports, read by the vnfacts Rust library.

Amounts in đồng, counts, percentages, ratios, measures, durations, dates and periods,
organisations, people and places; each figure with its organisation, period and metric. A
document is the JSON of the project's SPEC.md as Python objects.

    >>> import vnfacts
    >>> doc = vnfacts.extract("Hội có 20 hội viên, quỹ 15.500 000 đồng.")
    >>> [(f["kind"], f["text"], f["value"]) for f in doc["facts"]]
    [('count', '20 hội viên', 20), ('money', '15.500 000 đồng', 15500000)]

Many documents at once, in parallel (the interpreter is released while Rust reads), and a
DataFrame (pandas is needed only there):

    >>> docs = vnfacts.extract_many(["Đạt 97% kế hoạch.", "Có 3 chi hội."], jobs=2)
    >>> frame = vnfacts.to_pandas(docs)
    >>> list(frame["kind"])
    ['percent', 'count']
"""

from __future__ import annotations

import datetime as _dt
import gc as _gc
import json as _json
import os as _os

from . import _vnfacts
from ._vnfacts import (
    DecodeError,
    DocumentError,
    Error,
    InputError,
    InvalidInputError,
    LexiconError,
    TooLargeError,
)

__all__ = [
    "extract",
    "extract_file",
    "extract_many",
    "extract_iter",
    "table",
    "to_pandas",
    "KINDS",
    "FACT_COLUMNS",
    "INDICATOR_COLUMNS",
    "Error",
    "DecodeError",
    "DocumentError",
    "InputError",
    "InvalidInputError",
    "LexiconError",
    "TooLargeError",
]

__version__ = _vnfacts.__version__

#: The kinds of facts, as the ``kind`` field names them.
KINDS = tuple(_vnfacts.kinds())
_columns = _vnfacts.columns()
#: The columns of a fact row (``to_pandas(docs)``), as the CSV of ``vnfacts extract`` has them.
FACT_COLUMNS = tuple(_columns[0])
#: The columns of an indicator row (``table``, ``to_pandas(docs, rows="indicators")``).
INDICATOR_COLUMNS = tuple(_columns[1])
#: The columns ``to_pandas(docs)`` adds to fact rows: each figure's context.
CONTEXT_COLUMNS = ("organization", "period_from", "period_to", "metric", "metric_key")

_ERRORS = {
    "decode": DecodeError,
    "too_large": TooLargeError,
    "input": InputError,
    "document": DocumentError,
    "lexicon": LexiconError,
    "invalid_input": InvalidInputError,
}


def _options(reference_year, document_date, kinds, lexicon):
    if isinstance(document_date, (_dt.date, _dt.datetime)):
        document_date = document_date.strftime("%Y-%m-%d")
    if isinstance(kinds, str):
        kinds = [k.strip() for k in kinds.split(",") if k.strip()]
    elif kinds is not None:
        kinds = [str(k) for k in kinds]
    if lexicon is not None:
        lexicon = _os.fspath(lexicon)
    return dict(
        reference_year=reference_year,
        document_date=document_date,
        kinds=kinds,
        lexicon=lexicon,
    )


def extract(text, reference_year=None, document_date=None, kinds=None, lexicon=None):
    """The facts of one text, as a document dict (SPEC.md's JSON; ``source`` is ``"-"``).

    The text is read as the command line reads standard input or a JSON Lines record: UTF-8
    mangled by a wrong decoding ("Há»™i") and decomposed tone marks are repaired, and
    ``document["encoding"]`` says so; offsets index the repaired text (the text itself when
    nothing was repaired).

    ``reference_year`` completes dates written without a year ("ngày 8/3"), overriding the
    year read from the text; ``document_date`` (``"2024-07-08"`` or a ``datetime.date``) is the
    report's own date, which relative dates ("hôm qua") are read against; ``kinds`` keeps only
    those kinds (``["money", "count"]`` or ``"money,count"``); ``lexicon`` is the path of a TOML
    file of your own abbreviations, organisations and places.

        >>> doc = vnfacts.extract("Ngày 8/3 hội trao 25 suất quà.", reference_year=2024)
        >>> [(f["kind"], f["value"]) for f in doc["facts"]]
        [('date', '2024-03-08'), ('count', 25)]
        >>> vnfacts.extract("Quỹ 5 triệu đồng, 20 hội viên.", kinds="money")["facts"][0]["value"]
        5000000

    Raises ``InvalidInputError`` for an unknown kind or a bad date, ``LexiconError`` for a
    malformed lexicon.
    """
    if not isinstance(text, str):
        raise TypeError(
            "extract takes a text (str); for a file use extract_file, for bytes extract_many"
        )
    return _json.loads(
        _vnfacts.extract_json(text, **_options(reference_year, document_date, kinds, lexicon))
    )


def extract_file(
    path,
    encoding=None,
    reference_year=None,
    document_date=None,
    kinds=None,
    lexicon=None,
):
    """The facts of one file, as a document dict whose ``source`` is the path.

    Every encoding and format the command line reads: UTF-8, UTF-16, TCVN3, VNI, VISCII, VPS,
    Windows-1258, VIQR, mangled UTF-8; Word (.docx, .doc), ODT, RTF, PDF and HTML, told from the
    bytes. ``document["encoding"]`` and ``document["format"]`` say how it was read.
    ``encoding`` forces one (``"tcvn3"``, ``"vni"``, ``"utf-8"``, …).

        >>> doc = vnfacts.extract_file("corpus/hoi-nong-dan-so-ket-6-thang.txt")
        >>> doc["document"]["date"]
        '2024-07-05'

    Raises ``InputError`` (no such file, a folder, no permission), ``DecodeError`` (the
    encoding cannot be told, or the forced one does not fit), ``DocumentError`` (a damaged or
    encrypted document), ``TooLargeError``.
    """
    return _json.loads(
        _vnfacts.extract_file_json(
            _os.fspath(path),
            encoding=encoding,
            **_options(reference_year, document_date, kinds, lexicon),
        )
    )


def _inputs(texts_or_paths):
    out = []
    for x in texts_or_paths:
        if isinstance(x, str):
            out.append(("text", x.encode("utf-8")))
        elif isinstance(x, (bytes, bytearray, memoryview)):
            out.append(("bytes", bytes(x)))
        elif isinstance(x, _os.PathLike):
            out.append(("path", _os.fsencode(x)))
        else:
            raise TypeError(
                "extract_many takes texts (str), files (pathlib.Path or another os.PathLike) "
                "or bytes; got %r" % type(x).__name__
            )
    return out


def _parsed(done, on_error):
    """The documents of a batch's results. The collector is paused while they are parsed: the
    dicts of JSON hold no cycles, and a large batch would otherwise set off collections that
    walk the whole heap again and again (a fifth of the time of 10,000 records)."""
    was = _gc.isenabled()
    _gc.disable()
    try:
        return [_json.loads(j) if ok else _failed(j, on_error) for ok, j in done]
    finally:
        if was:
            _gc.enable()


def _failed(payload, on_error):
    source, kind, message = _json.loads(payload)
    if on_error == "raise":
        raise _ERRORS.get(kind, Error)(message)
    return {"source": source, "error": message}


def _check_on_error(on_error):
    if on_error not in ("raise", "record"):
        raise InvalidInputError("on_error is 'raise' or 'record', not %r" % (on_error,))


def extract_many(
    texts_or_paths,
    jobs=None,
    on_error="raise",
    encoding=None,
    reference_year=None,
    document_date=None,
    kinds=None,
    lexicon=None,
):
    """The facts of many inputs, read in parallel in Rust, as a list of document dicts in the
    order of the inputs.

    Each input is a text (``str``, its ``source`` is ``"-"``), a file (``pathlib.Path`` or
    another ``os.PathLike``: ``source`` is the path) or a file's ``bytes`` (``"<bytes>"``),
    read as ``extract`` and ``extract_file`` read them. ``jobs`` is the number of threads
    (default: all cores); the interpreter is released meanwhile, so other Python threads run.

    ``on_error="raise"`` (default) raises the exception of the first input that could not be
    read (in input order); ``on_error="record"`` puts ``{"source": …, "error": …}`` in its place
    instead, as the command line's JSON Lines do, so that one bad file does not stop an
    archive.

        >>> from pathlib import Path
        >>> docs = vnfacts.extract_many([Path("corpus/ke-hoach-tet-giap-thin.txt"), "Có 3 hộ."])
        >>> [d["source"] for d in docs]
        ['corpus/ke-hoach-tet-giap-thin.txt', '-']
    """
    _check_on_error(on_error)
    done = _vnfacts.extract_many_json(
        _inputs(texts_or_paths),
        jobs=jobs,
        encoding=encoding,
        **_options(reference_year, document_date, kinds, lexicon),
    )
    return _parsed(done, on_error)


def extract_iter(
    texts_or_paths,
    jobs=None,
    chunk_size=256,
    on_error="raise",
    encoding=None,
    reference_year=None,
    document_date=None,
    kinds=None,
    lexicon=None,
):
    """The documents of many inputs one at a time, in order, as a generator: what
    ``extract_many`` gives, read ``chunk_size`` inputs at a time (in parallel within a chunk),
    so that an archive of any size takes the memory of one chunk. The inputs may be a
    generator too (``Path("archive").rglob("*.txt")``); it is read as the documents are asked
    for.

        >>> from pathlib import Path
        >>> sizes = [len(d["facts"]) for d in vnfacts.extract_iter(
        ...     sorted(Path("corpus").glob("*.txt")), chunk_size=4)]
        >>> len(sizes) == len(list(Path("corpus").glob("*.txt"))) and min(sizes) > 0
        True
    """
    _check_on_error(on_error)
    if chunk_size < 1:
        raise InvalidInputError("chunk_size must be at least 1")
    chunk = []
    for x in texts_or_paths:
        chunk.append(x)
        if len(chunk) == chunk_size:
            yield from extract_many(
                chunk, jobs, on_error, encoding, reference_year, document_date, kinds, lexicon
            )
            chunk = []
    if chunk:
        yield from extract_many(
            chunk, jobs, on_error, encoding, reference_year, document_date, kinds, lexicon
        )


def table(
    texts_or_paths,
    jobs=None,
    on_error="raise",
    encoding=None,
    reference_year=None,
    document_date=None,
    lexicon=None,
):
    """Indicator rows: one dict a figure (money, count, percent, ratio, measure) with its
    organisation, period and metric, keyed by ``INDICATOR_COLUMNS``, as ``vnfacts table``
    writes them; inputs as for ``extract_many`` (a single text or path is taken as a list of
    one).

        >>> rows = vnfacts.table(["Hội LHPN xã Kim Liên 6 tháng đầu năm 2024 kết nạp 20 hội viên."])
        >>> r = rows[0]
        >>> (r["organization"], r["period_from"], r["period_to"], r["metric"], r["value"])
        ('Hội Liên hiệp Phụ nữ xã Kim Liên', '2024-01-01', '2024-06-30', 'kết nạp hội viên', 20)

    With ``on_error="record"``, an input that could not be read gives a row of ``kind``
    ``"error"`` with the reason in ``text``.
    """
    _check_on_error(on_error)
    if isinstance(texts_or_paths, (str, bytes, _os.PathLike)):
        texts_or_paths = [texts_or_paths]
    options = _options(reference_year, document_date, None, lexicon)
    del options["kinds"]  # every figure: as `vnfacts table`
    done = _vnfacts.table_json(
        _inputs(texts_or_paths), jobs=jobs, encoding=encoding, **options
    )
    rows = []
    for ok, payload in done:
        if ok:
            for r in payload:
                r = _json.loads(r)
                rows.append({c: r.get(c) for c in INDICATOR_COLUMNS})
        else:
            failed = _failed(payload[0], on_error)
            row = dict.fromkeys(INDICATOR_COLUMNS)
            row.update(source=failed["source"], kind="error", text=failed["error"])
            rows.append(row)
    return rows


_INT_COLUMNS = ("line", "start", "end", "page")
_NUMBER_COLUMNS = ("value", "min", "max", "numerator", "denominator")


def _context_cells(fact):
    ctx = fact.get("context") or {}
    org = ctx.get("organization") or {}
    period = ctx.get("period") or {}
    metric = ctx.get("metric") or {}
    return {
        "organization": org.get("canonical"),
        "period_from": period.get("from"),
        "period_to": period.get("to"),
        "metric": metric.get("label"),
        "metric_key": metric.get("key"),
    }


def _fact_rows(docs):
    for doc in docs:
        if "error" in doc and "facts" not in doc:
            row = dict.fromkeys(FACT_COLUMNS)
            row.update(source=doc.get("source"), kind="error", error=doc["error"])
            row.update(dict.fromkeys(CONTEXT_COLUMNS))
            yield row
            continue
        for f in doc.get("facts", []):
            row = {c: f.get(c) for c in FACT_COLUMNS}
            row["source"] = doc.get("source")
            row.update(_context_cells(f))
            yield row


def _indicator_rows(docs):
    for doc in docs:
        if "facts" not in doc:
            if "error" in doc:
                row = dict.fromkeys(INDICATOR_COLUMNS)
                row.update(source=doc.get("source"), kind="error", text=doc["error"])
                yield row
            else:
                # Already a row (from ``table``).
                yield {c: doc.get(c) for c in INDICATOR_COLUMNS}
            continue
        for f in doc["facts"]:
            if "context" not in f:
                continue
            row = dict.fromkeys(INDICATOR_COLUMNS)
            row.update({c: f.get(c) for c in INDICATOR_COLUMNS if c in f})
            row.update(_context_cells(f))
            row["source"] = doc.get("source")
            yield row


def to_pandas(docs, rows="facts"):
    """A pandas DataFrame of documents (from ``extract``, ``extract_file``, ``extract_many``).

    ``rows="facts"``: one row a fact, the columns of ``FACT_COLUMNS`` (as the CSV of
    ``vnfacts extract``) then the figure's context (``CONTEXT_COLUMNS``: organization,
    period_from, period_to, metric, metric_key). ``rows="indicators"``: one row a figure, the
    columns of ``INDICATOR_COLUMNS`` (as ``vnfacts table``; rows from ``table`` are taken as
    they are; built from document dicts, ``organization_text`` and ``period_text`` are empty,
    since a document's JSON does not hold the mentions' words).

    Types: ``line``, ``start``, ``end``, ``page`` are ``Int64``; ``value``, ``min``, ``max``,
    ``numerator``, ``denominator`` are ``Int64`` when every value is whole (amounts in đồng stay
    exact), ``Float64`` when some are decimals, and ``object`` when dates' values (ISO days)
    stand among the numbers (select the figures first: ``frame[frame.kind == "money"]``, or
    ``rows="indicators"``); ``year_inferred`` is ``boolean``; the rest (text, ISO
    dates at their precision, nested objects) are ``object``. Missing values are ``<NA>``.

        >>> frame = vnfacts.to_pandas([vnfacts.extract("Quỹ 15.500 000 đồng, đạt 97,5%.")])
        >>> frame[["kind", "value"]].values.tolist()
        [['money', 15500000.0], ['percent', 97.5]]

    pandas is imported here only: ``pip install pandas`` (or ``vnfacts[pandas]``).
    """
    import pandas as pd

    if isinstance(docs, dict):
        docs = [docs]
    if rows == "facts":
        columns = list(FACT_COLUMNS) + list(CONTEXT_COLUMNS)
        data = list(_fact_rows(docs))
    elif rows == "indicators":
        columns = list(INDICATOR_COLUMNS)
        data = list(_indicator_rows(docs))
    else:
        raise InvalidInputError("rows is 'facts' or 'indicators', not %r" % (rows,))
    frame = pd.DataFrame.from_records(data, columns=columns)
    for c in columns:
        col = frame[c]
        if c in _INT_COLUMNS:
            frame[c] = col.astype("Int64")
        elif c in _NUMBER_COLUMNS:
            present = [v for v in col if v is not None and v == v]
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
                # A date's value is its ISO day beside the figures' numbers.
                continue
            whole = all(isinstance(v, int) for v in present)
            frame[c] = pd.array(
                [None if v is None or v != v else v for v in col],
                dtype="Int64" if whole else "Float64",
            )
        elif c == "year_inferred":
            frame[c] = col.astype("boolean")
    return frame
