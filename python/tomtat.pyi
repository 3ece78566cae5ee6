"""Digests of Vietnamese articles: sentences, an extractive summary, directives and key phrases."""

from typing import Any, Dict, Iterable, List, Literal, Optional

__version__: str
MAX_INPUT_BYTES: int

Length = Literal["short", "medium", "long"]
Digest = Dict[str, Any]

def digest(
    text: str,
    *,
    length: Length = "medium",
    sentences: Optional[int] = None,
    keywords: bool = True,
    words: bool = False,
) -> Digest:
    """The digest of `text`, every offset in code points: text[s["start"]:s["end"]] == s["text"].

    Raises ValueError for a wrong option or a text over MAX_INPUT_BYTES (UTF-8).
    """

def digest_many(
    texts: Iterable[str],
    *,
    length: Length = "medium",
    sentences: Optional[int] = None,
    keywords: bool = True,
    words: bool = False,
) -> List[Digest]:
    """The digests of `texts`, in order, as digest() gives each; ValueError names a failing text's index."""

def digest_json(
    text: str,
    *,
    length: Length = "medium",
    sentences: Optional[int] = None,
    keywords: bool = True,
    words: bool = False,
) -> str:
    """The JSON text `tomtat digest FILE` prints: offsets in UTF-16 code units, as the CLI and the wasm give them."""

def digest_record(
    line: str,
    *,
    length: Length = "medium",
    sentences: Optional[int] = None,
    keywords: bool = True,
    words: bool = False,
) -> str:
    """The line `tomtat digest --jsonl` writes for one input line {"id", "text"} (or {"id", "title", "body"})."""
