"""MUC, B-cubed, CEAF-e and the CoNLL F1, and the assignment behind CEAF."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from onrecord.evaluation.coref_metrics import (Score, b_cubed, ceaf_e, conll_f1, coref_scores,
                                               max_weight_assignment, muc)


def clusters(*names: str) -> list[set[str]]:
    """``clusters("abc", "de")`` -> [{"a", "b", "c"}, {"d", "e"}]."""
    return [set(name) for name in names]


def assert_score(score: Score, precision: float, recall: float) -> None:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert (score.precision, score.recall, score.f1) == pytest.approx((precision, recall, f1))


def test_pradhan_et_al_2014_example() -> None:
    # Pradhan et al. (2014), section 3: key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}
    # (h and i are response mentions that are not in the key).
    key, response = clusters("abc", "defg"), clusters("ab", "cd", "fghi")
    # MUC recall: {abc} splits into {ab}{c} -> 3-2 = 1; {defg} into {d}{e}{fg} -> 4-3 = 1;
    #   (1+1) / ((3-1)+(4-1)) = 2/5.  Precision: {ab} 2-1 = 1; {cd} 2-2 = 0; {fghi} into
    #   {fg}{h}{i} -> 4-3 = 1; (1+0+1) / (1+1+3) = 2/5.
    assert_score(muc(key, response), 2 / 5, 2 / 5)
    # B3 recall: (2^2/3 + 1^2/3 + 1^2/4 + 2^2/4) / 7 = (5/3 + 5/4) / 7 = 5/12.
    #   Precision: (2^2/2 + 1^2/2 + 1^2/2 + 2^2/4) / 8 = 4/8 = 1/2.
    assert_score(b_cubed(key, response), 1 / 2, 5 / 12)
    # CEAF-e: phi4({abc},{ab}) = 2*2/5 = 0.8, phi4({abc},{cd}) = 2/5, phi4({defg},{cd}) = 2/6,
    #   phi4({defg},{fghi}) = 2*2/8 = 0.5; best alignment {abc}-{ab}, {defg}-{fghi} = 1.3.
    #   Recall 1.3/2 = 0.65, precision 1.3/3.
    assert_score(ceaf_e(key, response), 1.3 / 3, 0.65)
    mean = (0.4 + 2 * 0.5 * (5 / 12) / (0.5 + 5 / 12) + 2 * 0.65 * (1.3 / 3) / (0.65 + 1.3 / 3)) / 3
    assert conll_f1(key, response) == pytest.approx(mean)


# The reference scorer's own test suite (conll/reference-coreference-scorers,
# test/CorefMetricTestConfig.pm and test/TestCases.README, cases A2-A5): key {a} {bc} {def};
# "B" in A5 is a response mention that is not in the key.  Values are (precision, recall).
REFERENCE_CASES = {
    "A2": (("a", "de"), {"muc": (1, 1 / 3), "b_cubed": (1, (7 / 3) / 6), "ceaf_e": (0.9, 0.6)}),
    "A3": (("a", "bcx", "defy", "z"), {"muc": (3 / 5, 1), "b_cubed": ((4 + 7 / 12) / 9, 1),
                                       "ceaf_e": (0.66429, 0.88571)}),
    "A4": (("a", "bcx", "dy", "z"), {"muc": (1 / 3, 1 / 3), "b_cubed": ((1 + 4 / 3 + 1 / 2) / 7,
                                                                        (3 + 1 / 3) / 6),
                                     "ceaf_e": (0.55, 0.73333)}),
    "A5": (("a", "bcxB", "dy", "z"), {"muc": (1 / 4, 1 / 3), "b_cubed": (2.5 / 8, (3 + 1 / 3) / 6),
                                      "ceaf_e": (0.51667, 0.68889)}),
}


@pytest.mark.parametrize("case", sorted(REFERENCE_CASES))
def test_reference_scorer_cases(case: str) -> None:
    response, expected = REFERENCE_CASES[case]
    scores = coref_scores(clusters("a", "bc", "def"), clusters(*response))
    for metric, (precision, recall) in expected.items():
        score = scores[metric]
        assert (score.precision, score.recall) == pytest.approx((precision, recall), abs=1e-5), metric


def test_identity_scores_one() -> None:
    key = clusters("abc", "de", "f", "ghij")
    scores = coref_scores(key, [set(c) for c in reversed(key)])
    assert all(scores[m] == Score(1.0, 1.0, 1.0) for m in ("muc", "b_cubed", "ceaf_e"))
    assert scores["conll_f1"] == 1.0


def test_all_singletons_identity() -> None:
    # No links at all: MUC is 0/0 on both sides, hence 0.0, as in the reference scorer;
    # B3 and CEAF-e count singletons and score 1.
    key = clusters("a", "b", "c")
    assert muc(key, key) == Score(0.0, 0.0, 0.0)
    assert b_cubed(key, key) == Score(1.0, 1.0, 1.0) and ceaf_e(key, key) == Score(1.0, 1.0, 1.0)


def test_empty_inputs() -> None:
    for key, response in (([], []), (clusters("ab"), []), ([], clusters("ab")), ([set()], [set()])):
        scores = coref_scores(key, response)
        assert all(scores[m] == Score(0.0, 0.0, 0.0) for m in ("muc", "b_cubed", "ceaf_e"))
        assert scores["conll_f1"] == 0.0


def test_everything_in_one_cluster() -> None:
    # key {ab}{cd}; response {abcd}.  MUC: recall 2/2, precision (4-2)/3.  B3: recall 1,
    # precision (4/4 + 4/4)/4 = 1/2.  CEAF-e: phi4 = 2*2/6 each, best is one of them = 2/3;
    # recall (2/3)/2, precision (2/3)/1.
    key, response = clusters("ab", "cd"), clusters("abcd")
    assert_score(muc(key, response), 2 / 3, 1.0)
    assert_score(b_cubed(key, response), 1 / 2, 1.0)
    assert_score(ceaf_e(key, response), 2 / 3, 1 / 3)


def test_swapping_key_and_response_swaps_precision_and_recall() -> None:
    key, response = clusters("abc", "defg", "x"), clusters("ab", "cd", "fghi")
    for metric in (muc, b_cubed, ceaf_e):
        forward, backward = metric(key, response), metric(response, key)
        assert (forward.precision, forward.recall) == pytest.approx((backward.recall,
                                                                     backward.precision))


def test_inputs_any_iterables_duplicates_and_empty_clusters() -> None:
    key = clusters("abc", "de")
    same = coref_scores(iter([["a", "b", "c", "a"], ("d", "e"), []]), (set(c) for c in key))
    assert same["conll_f1"] == 1.0
    with pytest.raises(ValueError, match="response: mention 'b' is in more than one cluster"):
        muc(key, clusters("ab", "bc"))
    with pytest.raises(ValueError, match="key: mention"):
        ceaf_e(clusters("ab", "b"), key)


def test_documents_qualified_mentions_give_the_corpus_sums() -> None:
    # Two documents with the same mention names: qualified by document, the B3 and CEAF-e
    # numerators and denominators add up over documents, as the reference scorer reports.
    k1, r1 = clusters("abc", "defg"), clusters("ab", "cd", "fghi")
    k2, r2 = clusters("ab", "cd"), clusters("abcd")
    def qualify(doc: str, parts: list[set[str]]) -> list[set[tuple[str, str]]]:
        return [{(doc, m) for m in c} for c in parts]
    key, response = qualify("1", k1) + qualify("2", k2), qualify("1", r1) + qualify("2", r2)
    assert_score(ceaf_e(key, response), (1.3 + 2 / 3) / (3 + 1), (1.3 + 2 / 3) / (2 + 2))
    assert_score(b_cubed(key, response), (4 + 2) / (8 + 4), (35 / 12 + 4) / (7 + 4))
    assert_score(muc(key, response), (2 + 2) / (5 + 3), (2 + 2) / (5 + 2))


def brute_force_best(weights: np.ndarray) -> float:
    n, m = weights.shape
    if n <= m:
        return max(sum(weights[i, p[i]] for i in range(n)) for p in itertools.permutations(range(m), n))
    return max(sum(weights[p[j], j] for j in range(m)) for p in itertools.permutations(range(n), m))


def test_assignment_matches_brute_force_on_random_instances() -> None:
    rng = np.random.default_rng(7)
    for trial in range(400):
        n, m = (int(x) for x in rng.integers(1, 7, size=2))
        if trial % 3 == 0:
            weights = rng.integers(-3, 4, size=(n, m)).astype(float)  # ties and negatives
        elif trial % 3 == 1:
            weights = rng.random((n, m)) * (rng.random((n, m)) < 0.3)  # sparse, like phi4
        else:
            weights = rng.random((n, m))
        pairs = max_weight_assignment(weights)
        rows, cols = [i for i, _ in pairs], [j for _, j in pairs]
        assert len(pairs) == min(n, m) and len(set(rows)) == len(set(cols)) == len(pairs)
        assert sum(weights[i, j] for i, j in pairs) == pytest.approx(brute_force_best(weights))


def test_assignment_edge_cases() -> None:
    assert max_weight_assignment(np.zeros((0, 3))) == [] and max_weight_assignment([]) == []
    assert max_weight_assignment([[5.0]]) == [(0, 0)]
    assert max_weight_assignment([[1, 2], [3, 1]]) == [(0, 1), (1, 0)]
    assert max_weight_assignment([[1], [3], [2]]) == [(1, 0)]
    with pytest.raises(ValueError, match="matrix"):
        max_weight_assignment([1.0, 2.0])
    with pytest.raises(ValueError, match="finite"):
        max_weight_assignment([[1.0, float("nan")]])


def test_assignment_300_by_300_known_optimum() -> None:
    # A hidden permutation worth n+1 per cell beats any other assignment, which loses at least
    # n+1 for each cell it leaves and gains less than 1 from each noise cell it takes.
    n = 300
    rng = np.random.default_rng(3)
    permutation = rng.permutation(n)
    weights = rng.random((n, n))
    weights[np.arange(n), permutation] += n + 1
    assert max_weight_assignment(weights) == list(enumerate(permutation.tolist()))
    dense = rng.random((n, n))
    pairs = max_weight_assignment(dense)  # fast enough for a dense 300 x 300 too
    assert len(pairs) == n
    pick = random.Random(5)
    for _ in range(2000):  # and no two rows gain by swapping their columns
        (a, i), (b, j) = pick.sample(pairs, 2)
        assert dense[a, i] + dense[b, j] >= dense[a, j] + dense[b, i] - 1e-9


def test_ceaf_e_matches_brute_force_alignment() -> None:
    rng = random.Random(11)
    for _ in range(200):
        mentions = list(range(rng.randint(1, 9)))
        key = random_partition(rng, mentions)
        pool = mentions + [90, 91]  # 90 and 91 are response mentions not in the key
        response = random_partition(rng, rng.sample(pool, rng.randint(0, len(pool))))
        phi4 = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key])
        best = brute_force_best(phi4) if phi4.size else 0.0
        score = ceaf_e(key, response)
        assert score.recall == pytest.approx(best / len(key))
        assert score.precision == pytest.approx(best / len(response) if response else 0.0)


def random_partition(rng: random.Random, mentions: list[int]) -> list[set[int]]:
    parts: dict[int, set[int]] = {}
    for mention in mentions:
        parts.setdefault(rng.randint(0, 3), set()).add(mention)
    return list(parts.values())
