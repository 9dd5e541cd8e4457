import pytest


@pytest.fixture(scope="session")
def nlp(extractor):
    """The session's parser (the extractor's spaCy pipeline)."""
    return extractor.nlp
