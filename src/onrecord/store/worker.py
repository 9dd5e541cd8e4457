"""The extraction side: clean HTML, hash, extract.  Runs in worker processes (or inline).

Workers never touch the database; they send ``Extracted`` / ``Failed`` outcomes back.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import queue
import resource
import sys
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, replace
from typing import Any

from onrecord.records import Article
from onrecord.sources import BadHtml, DocMeta, RawDoc, clean_html
from onrecord.sources.outlets import normalise_meta
from onrecord.sources.repair import repair
from onrecord.store.normalise import content_hash

DEFAULT_EXTRACTOR = "onrecord.pipeline:Extractor"
MAX_CHARS = 1_000_000  # spaCy's default max_length


@dataclass(frozen=True, slots=True)
class WorkItem:
    """A document to extract, with the key that identifies its input."""

    input_key: str
    doc: RawDoc


@dataclass(frozen=True, slots=True)
class Extracted:
    input_key: str
    content_hash: str
    doc: RawDoc  # html dropped; meta completed from the page
    article: Article
    words: int


@dataclass(frozen=True, slots=True)
class Failed:
    input_key: str
    source: str
    locator: str
    reason: str
    detail: str = ""
    words: int = 0


Outcome = Extracted | Failed


def load_extractor(spec: str = DEFAULT_EXTRACTOR, model: str | None = None) -> Any:
    """Build an extractor from ``module:callable`` or ``/path/file.py:callable``."""
    target, _, attr = spec.partition(":")
    if target.endswith(".py"):
        mod_spec = importlib.util.spec_from_file_location(f"_onrecord_extractor_{abs(hash(target))}", target)
        if mod_spec is None or mod_spec.loader is None:
            raise ImportError(f"cannot load extractor file {target}")
        module = importlib.util.module_from_spec(mod_spec)
        mod_spec.loader.exec_module(module)
    else:
        module = importlib.import_module(target)
    factory: Callable[..., Any] = getattr(module, attr or "Extractor")
    return factory(model) if model else factory()


def rss_mb() -> float:
    """Current resident memory of this process, MB."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_rss_mb()


def peak_rss_mb() -> float:
    """Peak resident memory of this process image, MB (VmHWM: ru_maxrss would include the parent's)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 2**20


def _prepare(item: WorkItem, max_chars: int) -> tuple[str, RawDoc, str, int] | Failed:
    doc = item.doc
    text = doc.text
    if doc.html is not None:
        try:
            page = clean_html(doc.html, doc.meta.url)
        except BadHtml as err:
            return Failed(item.input_key, doc.source, doc.locator, "bad-html", str(err))
        m = doc.meta
        meta = replace(m, title=repair(page.title) or m.title, outlet=repair(page.outlet) or m.outlet,
                       published=page.published or m.published, url=page.url or m.url)
        meta = normalise_meta(replace(meta, outlet_raw=None)) if page.outlet else meta  # the page's own name
        doc = replace(doc, html=None, meta=meta)
        text = repair(page.text)  # a page's own text and metadata (text documents: repaired when read)
    text = (text or "").replace("\x00", "")
    if not text.strip():
        return Failed(item.input_key, doc.source, doc.locator, "empty-text", "no text to analyse")
    words = len(text.split())
    if len(text) > max_chars:
        return Failed(item.input_key, doc.source, doc.locator, "too-long",
                      f"{len(text)} characters (limit {max_chars}); split the document", words)
    return text, replace(doc, text=text), content_hash(text), words


def _meta(meta: DocMeta) -> Any:
    from onrecord.pipeline import ArticleMeta

    return ArticleMeta(id=meta.ext_id, title=meta.title, outlet=meta.outlet, published=meta.published)


def process_batch(extractor: Any, items: list[WorkItem], *, max_chars: int = MAX_CHARS) -> list[Outcome]:
    """Extract a batch; a failing article fails alone, with its reason."""
    out: list[Outcome | None] = [None] * len(items)
    todo: list[tuple[int, str, RawDoc, str, int]] = []
    for i, item in enumerate(items):
        prepared = _prepare(item, max_chars)
        if isinstance(prepared, Failed):
            out[i] = prepared
        else:
            todo.append((i, *prepared))
    nlp = getattr(extractor, "nlp", None)
    zone = getattr(nlp, "memory_zone", None)
    try:
        with zone() if zone else nullcontext():
            articles = list(extractor.extract_many([(t, _meta(d.meta)) for _, t, d, _, _ in todo]))
        if len(articles) != len(todo):
            raise RuntimeError(f"extractor returned {len(articles)} articles for {len(todo)} texts")
    except Exception:
        articles = [_extract_one(extractor, t, d) for _, t, d, _, _ in todo]
    for (i, _, doc, chash, words), art in zip(todo, articles):
        if isinstance(art, Exception):
            out[i] = Failed(items[i].input_key, doc.source, doc.locator, "extraction-error",
                            f"{type(art).__name__}: {art}"[:500], words)
        else:
            out[i] = Extracted(items[i].input_key, chash, doc, art, words)
    return [o for o in out if o is not None]


def _extract_one(extractor: Any, text: str, doc: RawDoc) -> Article | Exception:
    try:
        return next(iter(extractor.extract_many([(text, _meta(doc.meta))])))
    except Exception as err:  # one article's failure must not stop the run
        return err


def die_with_parent() -> bool:
    """Ask Linux to kill this process when its parent dies (PR_SET_PDEATHSIG), so a killed
    coordinator leaves no worker finishing a batch nobody will read. False where unsupported."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return False


def worker_main(wid: int, spec: str, model: str | None, tasks: Any, results: Any,
                max_articles: int, max_chars: int) -> None:
    """Loop of a worker process: take (batch_id, items), send back outcomes on its own pipe."""
    import multiprocessing as mp
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the coordinator's to handle
    die_with_parent()
    try:
        extractor = load_extractor(spec, model)
    except BaseException as err:
        results.send(("fatal", wid, f"{type(err).__name__}: {err}"))
        return
    results.send(("ready", wid, rss_mb()))
    done = 0
    parent = mp.parent_process()
    while True:
        try:
            msg = tasks.get(timeout=1.0)
        except queue.Empty:
            if parent is not None and not parent.is_alive():
                return  # the coordinator was killed: nothing will read our results
            continue
        if msg is None:
            break
        batch_id, items = msg
        outcomes = process_batch(extractor, items, max_chars=max_chars)
        done += len(items)
        results.send(("done", wid, batch_id, outcomes, rss_mb(), peak_rss_mb()))
        if max_articles and done >= max_articles:
            results.send(("retired", wid, rss_mb(), peak_rss_mb()))
            return
    results.send(("exit", wid, rss_mb(), peak_rss_mb()))
