"""PLOVER event records coded from statements and the outlet's own sentences.

``coding.code_events(doc, article, coder, published)`` is the stage; its parts: ``units``
(what the coder reads), ``triggers`` and ``choice`` (whether and as what a unit is coded),
``participants`` and ``linking`` (actor and recipient), ``conditions`` (demands made in
conditions), ``aux``, ``dates``, ``modes``, ``places`` and ``actors_registry``; the ontology
is data (``data/plover.json``)."""
