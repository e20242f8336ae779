"""The gazetteer compiled from GeoNames data on PyPI: names news writes, their variants."""
import pytest

from dateline.gazetteer import Gazetteer, build, name_key, skeleton


@pytest.fixture(scope="module")
def gaz(tmp_path_factory):
    return Gazetteer(build(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"))


def test_keys_forget_what_spellings_disagree_on():
    assert name_key("Dar‘ā") == name_key("Dara") == "dara"
    assert name_key("Al Ḩudaydah") == name_key("Hudaydah")
    assert skeleton("Hodeidah") == skeleton("Hudaydah")


@pytest.mark.parametrize("name, country", [
    ("Damascus", "SY"), ("Homs", "SY"), ("Hama", "SY"), ("Daraa", "SY"), ("Deraa", "SY"), ("Kiev", "UA"),
    ("Kyiv", "UA"), ("Hudaydah", "YE"), ("Syria", "SY"), ("Syrian Arab Republic", "SY"),
])
def test_news_names_find_the_place_most_people_mean(gaz, name, country):
    assert gaz.lookup(name)[0].country == country


def test_countries_have_geonames_country_points(gaz):
    syria = gaz.lookup("Syria")[0]
    assert (syria.kind, syria.lat, syria.lon) == ("country", 35.0, 38.0)
