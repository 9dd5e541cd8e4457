"""Learned attribution tagger (accurate mode): a fine-tuned MiniLM token tagger for
source / cue / content, with constrained decoding and span linking.

Modules: ``labels`` (the tag set and gold -> word tags), ``windows`` (word pieces and the
windows the encoder reads: the features), ``decode`` (constrained BIO over word tags),
``linking`` (spans -> attributions), ``predict`` (the shipped ONNX model, no torch),
``train`` and ``export`` (fine-tuning and int8 ONNX export; the ``train-accurate`` extra).
"""
