"""Role spans -> attributions: continuations join, cues pair with the nearest content."""

from onrecord.tagger.decode import RoleSpan
from onrecord.tagger.linking import content_groups, link


def _s(role: str, start: int, end: int) -> RoleSpan:
    return RoleSpan(role, start, end, 0.9)


def test_a_cue_between_two_fragments_takes_both_and_the_source_beside_it():
    # '"We will win," she said, "and soon."'
    spans = [_s("CON", 0, 13), _s("SRC", 14, 17), _s("CUE", 18, 22), _s("CNX", 25, 36)]
    [a] = link(spans, [(0, 36)])
    assert a.cue == (18, 22) and a.source == (14, 17) and a.content == ((0, 13), (25, 36))


def test_two_attributions_in_a_sentence_pair_one_to_one():
    # 'Critics said no and allies said yes'
    spans = [_s("SRC", 0, 7), _s("CUE", 8, 12), _s("CON", 13, 15),
             _s("SRC", 20, 26), _s("CUE", 27, 31), _s("CON", 32, 35)]
    out = link(spans, [(0, 35)])
    assert [(a.source, a.cue, a.content) for a in out] == [
        ((0, 7), (8, 12), ((13, 15),)), ((20, 26), (27, 31), ((32, 35),))]


def test_a_source_in_another_sentence_is_not_taken():
    spans = [_s("SRC", 0, 5), _s("CUE", 20, 24), _s("CON", 25, 40)]
    [a] = link(spans, [(0, 10), (11, 41)])
    assert a.source is None


def test_a_cue_without_content_makes_no_attribution():
    assert link([_s("SRC", 0, 5), _s("CUE", 6, 10)], [(0, 10)]) == []


def test_a_continuation_without_content_before_it_starts_one():
    groups = content_groups([_s("CNX", 0, 5), _s("CNX", 10, 15)])
    assert [[(f.start, f.end) for f in g] for g in groups] == [[(0, 5), (10, 15)]]


def test_a_hint_from_the_parse_picks_the_source_over_the_nearest():
    # 'His aides, the mayor said ...': the parse says the source is 'His aides'
    spans = [_s("SRC", 0, 9), _s("SRC", 11, 20), _s("CUE", 21, 25), _s("CON", 26, 40)]
    [a] = link(spans, [(0, 40)])
    assert a.source == (11, 20)
    [a] = link(spans, [(0, 40)], hints=[((21, 25), (0, 9))])
    assert a.source == (0, 9)
