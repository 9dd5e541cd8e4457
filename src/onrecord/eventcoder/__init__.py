"""The learned PLOVER event-type coder: MiniLM fine-tuned on PLV, shipped as int8 ONNX.

``data`` (PLV and its fixed dev split), ``features`` (what the model reads), ``train``,
``export``, ``predict`` (ONNX Runtime, no torch) and ``metrics``."""
