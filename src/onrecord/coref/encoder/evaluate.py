"""GAP scores of a trained span scorer (the GAP protocol: names A and B are given)."""

from __future__ import annotations

from pathlib import Path

from onrecord.coref.encoder.examples import from_gap
from onrecord.coref.encoder.train import predict_probs
from onrecord.coref.encoder.windows import encode
from onrecord.coref.gap import gap_scores, read_gap
from onrecord.tagger.paths import base_model_dir
from onrecord.tagger.train import load_tokenizer


def load_scorer(weights: Path):
    """The torch scorer with the weights ``train`` wrote (``scorer.pt``)."""
    import torch
    from transformers import AutoModel

    from onrecord.coref.encoder.network import PronounScorer

    model = PronounScorer(AutoModel.from_pretrained(str(base_model_dir())))
    model.load_state_dict(torch.load(weights, map_location="cpu"))
    return model.eval()


def gap_decisions(model, path: Path) -> dict[str, tuple[bool, bool]]:
    """Example id -> (A chosen, B chosen): the best-scored of A, B and "neither"."""
    tok = load_tokenizer(base_model_dir())
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    pairs = [(ex, w) for ex in (from_gap(e) for e in read_gap(path))
             if (w := encode(tok, ex, cls_id, sep_id)) is not None]  # a pronoun without pieces: no decision
    examples, windows = [p[0] for p in pairs], [p[1] for p in pairs]
    out = {}
    for ex, window, probs in zip(examples, windows, predict_probs(model, windows)):
        best = int(probs.argmax())
        chosen = window.kept[best - 1] if best > 0 else -1
        out[ex.id] = (chosen == 0, chosen == 1)
    return out


def evaluate_gap(weights: Path, path: Path) -> dict:
    """Official GAP scores of the scorer at ``weights`` on the TSV at ``path``."""
    return gap_scores(read_gap(path), gap_decisions(load_scorer(weights), path))
