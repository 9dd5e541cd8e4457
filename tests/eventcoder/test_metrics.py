from onrecord.eventcoder.metrics import scores


def test_accuracy_macro_and_micro_f1():
    s = scores(["A", "A", "B", "B"], ["A", "B", "B", None])
    assert s["accuracy"] == 0.5
    assert s["macro_f1"] == round((2 / 3 + 1 / 2) / 2, 4)  # A: 1 tp, 1 fn; B: 1 tp, 1 fp, 1 fn
    # micro: precision 2/3 (three answered), recall 2/4
    assert s["micro_f1"] == round(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), 4)


def test_no_gold_gives_zeros():
    assert scores([], []) == {"accuracy": 0.0, "macro_f1": 0.0, "micro_f1": 0.0}
