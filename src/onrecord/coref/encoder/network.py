"""The span scorer: MiniLM, a learned mix of its layers, mean-pooled spans, a pair MLP per
candidate and a "none" score."""

from __future__ import annotations

import torch
from torch import nn

from onrecord.coref.encoder.windows import BUCKETS

HIDDEN = 256
BUCKET_DIM = 16


class PronounScorer(nn.Module):
    """``forward(ids, mask, pronoun [B,L], candidates [B,C,L], buckets [B,C], cand_mask [B,C])``
    -> logits ``[B, C+1]`` (column 0 is "none of them")."""

    def __init__(self, encoder: nn.Module, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        size = encoder.config.hidden_size
        self.layer_weights = nn.Parameter(torch.zeros(encoder.config.num_hidden_layers + 1))
        self.bucket = nn.Embedding(BUCKETS, BUCKET_DIM)
        self.pair = nn.Sequential(nn.Linear(3 * size + BUCKET_DIM, HIDDEN), nn.GELU(),
                                  nn.Dropout(dropout), nn.Linear(HIDDEN, 1))
        self.none = nn.Sequential(nn.Linear(size, HIDDEN), nn.GELU(), nn.Dropout(dropout),
                                  nn.Linear(HIDDEN, 1))

    def forward(self, ids, mask, pronoun, candidates, buckets, cand_mask):
        layers = self.encoder(input_ids=ids, attention_mask=mask, output_hidden_states=True).hidden_states
        mix = torch.softmax(self.layer_weights, 0)
        hidden = sum(w * h for w, h in zip(mix, layers))  # B L H
        p = _pool(pronoun.unsqueeze(1), hidden).squeeze(1)  # B H
        c = _pool(candidates, hidden)  # B C H
        pe = p.unsqueeze(1).expand_as(c)
        pair = self.pair(torch.cat([pe, c, pe * c, self.bucket(buckets)], -1)).squeeze(-1)
        pair = pair.masked_fill(cand_mask < 0.5, -1e4)
        return torch.cat([self.none(p), pair], -1)


def _pool(masks, hidden):
    """Mean of ``hidden`` [B,L,H] over each mask row [B,K,L] -> [B,K,H]."""
    weights = masks / masks.sum(-1, keepdim=True).clamp(min=1.0)
    return torch.bmm(weights, hidden)
