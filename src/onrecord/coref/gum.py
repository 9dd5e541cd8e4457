"""Read GUM coreference gold from its CoNLL files into typed, frozen records.

Token lines are ``index<TAB>word<TAB>brackets``; ``(person-1`` opens a mention of entity
``person-1``, ``person-1)`` closes the innermost open one, ``(person-1)`` is a one-token
mention, and several brackets may share a token (``(abstract-7(abstract-3)``).  An id is
``type-number`` or ``type-number-Wikipedia_title``; the title is percent-decoded (GUM writes
``Ghost_in_the_Shell_%281995_film%29``).  ``|`` between brackets (CoNLL-2012 style) is allowed.

Sentences: a blank line or a token index restarting at 0 starts one.  GUM's own CoNLL files
have neither (the index runs through the whole document), so a document read as one sentence
takes its sentence breaks from the corpus's sibling ``../tsv/NAME.tsv`` (WebAnno TSV,
``sentence-token`` row ids) when that file exists and holds the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote

__all__ = ["GoldMention", "GumDocument", "read_gum"]

_BEGIN = re.compile(r"#\s*begin document\s*(.*)$")
_END = re.compile(r"#\s*end document\b")
_PIECE = re.compile(r"(\()?([^()]+)(\))?")
_ID = re.compile(r"([A-Za-z]+)-(\d+)(?:-(.+))?")
_TSV_ROW = re.compile(r"(\d+)-\d+(\.\d+)?")


@dataclass(frozen=True, slots=True)
class GoldMention:
    """A gold mention: document token span ``[start, end)`` of one entity."""

    start: int
    end: int
    entity: str
    """``type-number``, e.g. ``person-1``; unique per document."""
    type: str
    wiki: str | None
    """Wikipedia title of the entity (decoded, underscores kept), or None when unlinked."""


@dataclass(frozen=True, slots=True)
class GumDocument:
    """One GUM document: its words, sentence starts and gold mentions (sorted by span)."""

    name: str
    words: tuple[str, ...]
    sentence_starts: tuple[int, ...]
    """Document token index of each sentence's first token."""
    mentions: tuple[GoldMention, ...]

    @property
    def genre(self) -> str:
        """The part of the name after ``GUM_`` up to the next ``_`` (``news``, ``bio``...); '' if none."""
        return self.name[4:].split("_", 1)[0] if self.name.startswith("GUM_") else ""

    def clusters(self) -> list[frozenset[tuple[int, int]]]:
        """Mention spans ``(start, end)`` grouped by entity, in order of each entity's first mention."""
        groups: dict[str, set[tuple[int, int]]] = {}
        for mention in self.mentions:
            groups.setdefault(mention.entity, set()).add((mention.start, mention.end))
        return [frozenset(spans) for spans in groups.values()]


def read_gum(path: str | Path, *, tsv_sentences: bool = True) -> list[GumDocument]:
    """Documents of a ``.conll`` file, or of every ``*.conll`` in a folder (sorted by file name).

    ``tsv_sentences=False`` never consults the sibling TSV.  Raises ValueError naming the file
    and line for malformed input.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.conll"))
        if not files:
            raise ValueError(f"{path}: no .conll files")
    elif path.is_file():
        files = [path]
    else:
        raise FileNotFoundError(f"{path}: no such file or folder")
    docs: list[GumDocument] = []
    for file in files:
        for doc in _read_file(file):
            tsv = file.parent.parent / "tsv" / f"{doc.name}.tsv"
            if tsv_sentences and len(doc.sentence_starts) == 1 and tsv.is_file():
                doc = replace(doc, sentence_starts=_tsv_sentence_starts(tsv, doc.words))
            docs.append(doc)
    return docs


def _read_file(path: Path) -> list[GumDocument]:
    docs: list[GumDocument] = []
    doc: _Builder | None = None
    with path.open(encoding="utf-8") as lines:
        for lineno, raw in enumerate(lines, 1):
            line, where = raw.rstrip("\r\n"), f"{path}:{lineno}"
            if begin := _BEGIN.match(line):
                if doc is not None:
                    raise ValueError(f"{where}: document {doc.name!r} begins before the previous one ends")
                doc = _Builder(begin.group(1).strip(), where)
            elif _END.match(line):
                if doc is None:
                    raise ValueError(f"{where}: '# end document' outside a document")
                docs.append(doc.finish(where))
                doc = None
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if doc is not None:
                    doc.new_sentence = True
            elif doc is None:
                raise ValueError(f"{where}: token line outside a document")
            else:
                doc.add_token(line, where)
    if doc is not None:
        raise ValueError(f"{path}: document {doc.name!r} has no '# end document'")
    return docs


class _Builder:
    """Mutable state while one document is read."""

    def __init__(self, name: str, where: str) -> None:
        if not name:
            raise ValueError(f"{where}: '# begin document' without a name")
        self.name = name
        self.words: list[str] = []
        self.starts: list[int] = []
        self.mentions: list[GoldMention] = []
        self.open: dict[str, list[tuple[int, str, str | None]]] = {}  # entity -> (start, where, wiki)
        self.last_index: int | None = None
        self.new_sentence = True

    def add_token(self, line: str, where: str) -> None:
        columns = line.split("\t")
        if len(columns) != 3:
            raise ValueError(f"{where}: expected 3 tab-separated columns (index, word, brackets), "
                             f"got {len(columns)}")
        index_text, word, brackets = columns
        try:
            index = int(index_text)
        except ValueError:
            raise ValueError(f"{where}: token index {index_text!r} is not an integer") from None
        if index != 0 and (self.last_index is None or index != self.last_index + 1):
            raise ValueError(f"{where}: token index {index} follows {self.last_index} "
                             "(expected the next index, or 0 to start a sentence)")
        if not word:
            raise ValueError(f"{where}: empty word")
        if index == 0 and self.words:
            self.new_sentence = True
        if self.new_sentence:
            self.starts.append(len(self.words))
            self.new_sentence = False
        self.last_index = index
        if brackets not in ("_", "-"):
            self._brackets(brackets.replace("|", ""), len(self.words), where)
        self.words.append(word)

    def _brackets(self, text: str, token: int, where: str) -> None:
        pos = 0
        while pos < len(text):
            piece = _PIECE.match(text, pos)
            if piece is None or not (piece.group(1) or piece.group(3)):
                raise ValueError(f"{where}: malformed brackets {text!r}")
            pos = piece.end()
            ident = _ID.fullmatch(piece.group(2))
            if ident is None:
                raise ValueError(f"{where}: entity id {piece.group(2)!r} is not type-number[-title]")
            kind, number, title = ident.groups()
            entity, wiki = f"{kind}-{number}", unquote(title) if title else None
            if piece.group(1) and piece.group(3):
                self.mentions.append(GoldMention(token, token + 1, entity, kind, wiki))
            elif piece.group(1):
                self.open.setdefault(entity, []).append((token, where, wiki))
            else:
                stack = self.open.get(entity)
                if not stack:
                    raise ValueError(f"{where}: {piece.group(0)!r} closes a mention of {entity} "
                                     "that is not open")
                start, _, opened_wiki = stack.pop()
                self.mentions.append(GoldMention(start, token + 1, entity, kind,
                                                 opened_wiki if opened_wiki is not None else wiki))

    def finish(self, where: str) -> GumDocument:
        for entity, stack in self.open.items():
            if stack:
                raise ValueError(f"{stack[-1][1]}: mention of {entity} opened here is not closed "
                                 f"before the document ends ({where})")
        if not self.words:
            raise ValueError(f"{where}: document {self.name!r} has no tokens")
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.end, m.entity))
        return GumDocument(self.name, tuple(self.words), tuple(self.starts), tuple(mentions))


def _tsv_sentence_starts(path: Path, words: tuple[str, ...]) -> tuple[int, ...]:
    """Sentence starts from a WebAnno TSV whose token rows must spell ``words``."""
    starts: list[int] = []
    tokens: list[str] = []
    sentence: str | None = None
    with path.open(encoding="utf-8") as lines:
        for lineno, raw in enumerate(lines, 1):
            line = raw.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            columns = line.split("\t")
            row = _TSV_ROW.fullmatch(columns[0])
            if row is None or len(columns) < 3:
                raise ValueError(f"{path}:{lineno}: not a WebAnno token row")
            if row.group(2):  # a sub-token row repeats part of its token
                continue
            if row.group(1) != sentence:
                starts.append(len(tokens))
                sentence = row.group(1)
            tokens.append(columns[2])
    if tuple(tokens) != words:
        differ = next((i for i, pair in enumerate(zip(tokens, words)) if pair[0] != pair[1]),
                      min(len(tokens), len(words)))
        raise ValueError(f"{path}: its tokens differ from the CoNLL document's at token {differ} "
                         f"({len(tokens)} vs {len(words)} tokens)")
    return tuple(starts)
