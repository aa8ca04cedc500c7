"""Type stubs of the vnfacts package (see vnfacts/__init__.py for the documentation)."""

import datetime
import os
from typing import Any, Iterable, Iterator, Literal, Optional, Sequence, Union

import pandas

Document = dict[str, Any]
Row = dict[str, Any]
Input = Union[str, bytes, "os.PathLike[str]"]
Kinds = Union[str, Sequence[str], None]
DateLike = Union[str, datetime.date, None]
PathLike = Union[str, "os.PathLike[str]"]

__version__: str
KINDS: tuple[str, ...]
FACT_COLUMNS: tuple[str, ...]
INDICATOR_COLUMNS: tuple[str, ...]
CONTEXT_COLUMNS: tuple[str, ...]

class Error(Exception): ...
class DecodeError(Error): ...
class TooLargeError(Error): ...
class InputError(Error): ...
class DocumentError(Error): ...
class LexiconError(Error): ...
class InvalidInputError(Error): ...

def extract(
    text: str,
    reference_year: Optional[int] = None,
    document_date: DateLike = None,
    kinds: Kinds = None,
    lexicon: Optional[PathLike] = None,
) -> Document: ...
def extract_file(
    path: PathLike,
    encoding: Optional[str] = None,
    reference_year: Optional[int] = None,
    document_date: DateLike = None,
    kinds: Kinds = None,
    lexicon: Optional[PathLike] = None,
) -> Document: ...
def extract_many(
    texts_or_paths: Iterable[Input],
    jobs: Optional[int] = None,
    on_error: Literal["raise", "record"] = "raise",
    encoding: Optional[str] = None,
    reference_year: Optional[int] = None,
    document_date: DateLike = None,
    kinds: Kinds = None,
    lexicon: Optional[PathLike] = None,
) -> list[Document]: ...
def extract_iter(
    texts_or_paths: Iterable[Input],
    jobs: Optional[int] = None,
    chunk_size: int = 256,
    on_error: Literal["raise", "record"] = "raise",
    encoding: Optional[str] = None,
    reference_year: Optional[int] = None,
    document_date: DateLike = None,
    kinds: Kinds = None,
    lexicon: Optional[PathLike] = None,
) -> Iterator[Document]: ...
def table(
    texts_or_paths: Union[Input, Iterable[Input]],
    jobs: Optional[int] = None,
    on_error: Literal["raise", "record"] = "raise",
    encoding: Optional[str] = None,
    reference_year: Optional[int] = None,
    document_date: DateLike = None,
    lexicon: Optional[PathLike] = None,
) -> list[Row]: ...
def to_pandas(
    docs: Union[Document, Iterable[Union[Document, Row]]],
    rows: Literal["facts", "indicators"] = "facts",
) -> pandas.DataFrame: ...
