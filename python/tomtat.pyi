"""Digests of Vietnamese articles: sentences, an extractive summary, directives and key phrases."""

from typing import Any, Dict, Iterable, List, Literal, Optional, TypedDict

from typing_extensions import Unpack

__version__: str
MAX_INPUT_BYTES: int

Digest = Dict[str, Any]

class Options(TypedDict, total=False):
    """The CLI's options; those not given take the CLI's defaults."""

    length: Literal["short", "medium", "long"]  # default "medium"
    sentences: Optional[int]  # 1-100; overrides length
    keywords: bool  # default True
    words: bool  # default False

def digest(text: str, **options: Unpack[Options]) -> Digest:
    """The digest of `text`, every offset in code points: text[s["start"]:s["end"]] == s["text"].

    Raises ValueError for a wrong option or a text over MAX_INPUT_BYTES (UTF-8).
    """

def digest_many(texts: Iterable[str], **options: Unpack[Options]) -> List[Digest]:
    """The digests of `texts`, in order, as digest() gives each; ValueError names a failing text's index."""

def digest_json(text: str, **options: Unpack[Options]) -> str:
    """The JSON text `tomtat digest FILE` prints: offsets in UTF-16 code units, as the CLI and the wasm give them."""

def digest_record(line: str, **options: Unpack[Options]) -> str:
    """The line `tomtat digest --jsonl` writes for one input line {"id", "text"} (or {"id", "title", "body"})."""
