"""Cross-article discourse: statements linked across the articles of a stored corpus.

Two kinds of link, each kept only with evidence (``evidence``):

- **reply**: a statement answers a report its own article names ("X dismissed the FT report",
  or a reply found inside the article), and another article, earlier, carries that report: the
  same quote group, or the named source's statements with overlapping words;
- **claim**: two speakers state the same proposition in different articles (one quote group, or
  a strong overlap of content words) and their polarity says whether they agree or not.

``link_corpus(db)`` rebuilds the ``cross_links`` table; ``onrecord link`` is its command.
"""

from onrecord.crosslinks.run import LinkSummary, link_corpus

__all__ = ["LinkSummary", "link_corpus"]
