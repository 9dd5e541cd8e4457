"""A fine-tuned MiniLM span scorer for pronoun antecedents (the ``accurate`` extra).

``examples`` builds pronoun decisions from GAP and GUM, ``windows`` turns one decision into word
pieces and span masks, ``network`` is the torch model (training only), ``train`` fine-tunes it,
``export`` writes the int8 ONNX model shipped in ``model/``, and ``predict`` scores with
onnxruntime (no torch at run time).
"""
