"""The outlet normalisation data files (lexicons/outlet_names.tsv, outlet_domains.tsv) themselves."""

from collections import Counter

from onrecord.sources.outlets import SECTIONS, name_key, outlet_table, read_domains, read_names


def test_no_raw_name_twice():
    counts = Counter(name_key(r.raw) for r in read_names())
    assert [k for k, n in counts.items() if n > 1] == []


def test_every_canonical_outlet_is_a_fixed_point_no_chains_no_cycles():
    table = outlet_table()
    for rule in read_names():
        if rule.kind == "outlet":
            assert table.rule(rule.name) is None, f"{rule.raw} -> {rule.name}, itself mapped on"
            assert name_key(rule.name) != name_key(rule.raw) or rule.section, f"{rule.raw}: maps to itself"


def test_every_domain_names_a_canonical_outlet():
    table = outlet_table()
    targets = {r.name for r in read_names() if r.kind == "outlet"}
    for domain, outlet in read_domains():
        rule = table.rule(outlet)
        assert rule is None, f"{domain}: {outlet!r} is a raw name ({rule.kind} {rule.name!r}), not canonical"
        assert "." in domain and " " not in domain and not domain.startswith("www.")
    assert {"CNN", "Fox News", "The New York Times"} <= targets & {o for _, o in read_domains()}


def test_no_domain_twice():
    counts = Counter(d for d, _ in read_domains())
    assert [d for d, n in counts.items() if n > 1] == []


def test_columnists_are_people_not_outlets():
    table = outlet_table()
    for rule in read_names():
        if rule.kind == "columnist":
            same = table.rule(rule.name)  # a columnist's name filed as an outlet too: the same person
            assert same is None or (same.kind, same.name) == ("columnist", rule.name)
            assert not any(w in rule.name for w in ("News", "Times", "Journal", "Post"))


def test_sections_are_from_the_vocabulary():
    assert {r.section for r in read_names()} <= {*SECTIONS, None}
