import json
from importlib import resources

import jsonschema

from onrecord.records import Article


def schema():
    return json.loads(resources.files("onrecord").joinpath("schema/article.schema.json").read_text())


def test_output_validates_against_the_published_schema_and_round_trips(extract):
    text = resources.files("onrecord").joinpath("examples/harbour_strike.txt").read_text()
    article = extract(text, published="2024-03-14")
    doc = article.to_dict()
    jsonschema.validate(doc, schema())
    assert Article.from_dict(json.loads(json.dumps(doc))) == article


def test_from_dict_rejects_other_documents():
    import pytest

    with pytest.raises(ValueError, match="onrecord.article/1"):
        Article.from_dict({"schema": "something/2", "text": ""})
