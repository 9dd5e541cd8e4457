"""Clean metadata on the first 5,000 AllSides articles: the reader and outlet normaliser alone (no
extraction).  `python eval/metadata/measure_outlets.py [articles.jsonl.gz]` prints the counts in EVALUATION.md."""
import collections, itertools
from onrecord.sources import RawDoc, plan_inputs, read_input
from onrecord.sources.outlets import outlet_table, normalise_doc
from onrecord.sources.repair import repair_doc

import sys
path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/allsides/articles.jsonl.gz"
docs = (d for f in plan_inputs([path]) for d in read_input(f) if isinstance(d, RawDoc))
table = outlet_table()
before, after, kinds, sections = set(), set(), collections.Counter(), collections.Counter()
changed = renamed = unknown = authored = n = 0
for doc in itertools.islice(docs, 5000):
    n += 1
    raw = repair_doc(doc).meta.outlet
    m = normalise_doc(repair_doc(doc)).meta
    before.add(raw); after.add(m.outlet)
    rule = table.rule(raw)
    kinds[rule.kind if rule else "as written"] += 1
    sections[m.section] += 1
    if m.outlet != raw:
        changed += 1
    if m.outlet is None:
        unknown += 1
    if rule and rule.kind == "columnist":
        authored += m.authors[:1] == (rule.name,)
print(dict(articles=n, outlets_before=len(before), outlets_after=len(after - {None}), changed=changed,
           columnists_to_author=authored, outlet_unknown=unknown, kinds=dict(kinds), sections=dict(sections)))
docs = (d for f in plan_inputs([path]) for d in read_input(f) if isinstance(d, RawDoc))
renames = collections.Counter(); nowhere = []
for doc in itertools.islice(docs, 5000):
    raw = repair_doc(doc).meta.outlet; m = normalise_doc(repair_doc(doc)).meta
    rule = table.rule(raw)
    if rule and rule.kind == "outlet" and rule.section is None: renames[raw] += 1
    if m.outlet is None: nowhere.append((raw, m.url))
print("renames", sum(renames.values()), dict(renames)); print("unknown", nowhere)
print("raw names that are people/labels", len({r for r in before if table.rule(r) and table.rule(r).kind != "outlet"}))
