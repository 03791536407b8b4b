"""The ``directory`` command: init, seed, import-postcodes, create-moderator, serve, check, remind.

Every command reads ``DIRECTORY_DATABASE_URL`` and ``DIRECTORY_INDEX_DIR`` through the same
settings as the web app, prints progress for long work and ends with a one-line summary.
"""
from __future__ import annotations

import contextlib
import os
import resource
import sys
import time
from pathlib import Path

import click
from sqlalchemy import func, select

from . import create_app
from .models import ROLES, Account


def _database(ctx: click.Context):
    return ctx.obj.extensions["directory.db"]


@click.group()
@click.pass_context
def main(ctx: click.Context) -> None:
    """Community Signpost: a community asset directory and signposting search engine."""
    ctx.obj = create_app()


@main.command()
@click.option("--reference-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder with taxonomy.json and postcodes.txt (default: seed_data/).")
@click.pass_context
def init(ctx: click.Context, reference_dir: Path | None) -> None:
    """Create the database, or migrate an existing one, and load the reference data.

    The reference data is the multilingual taxonomy (names and synonyms in every locale) and
    the postcode centroids; re-running init updates them and never touches a listing. Your
    own listings then come with `directory import`; `directory seed` adds the fictional sample.
    """
    from .oruk.read import InvalidRecord
    from .postcodes import PostcodeFileError
    from .reference import load_reference_data
    from .schema import upgrade_database

    database = _database(ctx)
    upgrade_database(database)
    click.echo(f"Database ready at {database.engine.url.render_as_string(hide_password=True)}")
    if reference_dir is None:
        reference_dir = Path(ctx.obj.config["SEED_DIR"])
        if not (reference_dir / "taxonomy.json").is_file():  # an install without seed_data/: say so, do not fail
            click.echo(f"No reference data in {reference_dir} (DIRECTORY_SEED_DIR): the taxonomy was not loaded; "
                       "give --reference-dir a folder with taxonomy.json", err=True)
            return
    try:
        with database.session() as session:
            summary = load_reference_data(session, reference_dir)
    except (InvalidRecord, PostcodeFileError, ValueError, OSError, KeyError) as error:
        raise click.ClickException(f"reference data not loaded from {reference_dir}: {error}") from error
    click.echo(f"Reference data loaded: {summary.terms} taxonomy terms in every locale, {summary.postcodes} postcodes")


@main.command()
@click.option("--seed-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder with taxonomy.json, services/ and postcodes.txt (default: seed_data/).")
@click.pass_context
def seed(ctx: click.Context, seed_dir: Path | None) -> None:
    """Load the fictional sample listings (idempotent: running it twice gives the same directory).

    The taxonomy and postcodes come with `directory init`; seed loads them first only when
    this database has never had them. Where there is no search index yet, seed builds it,
    so that `init`, `seed`, `serve` give a searchable sample site.
    """
    from .oruk.read import InvalidRecord
    from .postcodes import PostcodeFileError
    from .search.sync import rebuild_index
    from .seed import seed_directory

    seed_dir = seed_dir or Path(ctx.obj.config["SEED_DIR"])
    files = sorted((seed_dir / "services").glob("*.json"))
    started = time.perf_counter()
    try:
        with _database(ctx).session() as session, click.progressbar(length=len(files), label="Seeding") as bar:
            summary = seed_directory(session, seed_dir, progress=lambda _name: bar.update(1))
    except (InvalidRecord, PostcodeFileError, ValueError, OSError, KeyError) as error:
        raise click.ClickException(f"seed data not loaded: {error}") from error
    reference = (f" (and the reference data init loads, which was missing: {summary.terms} taxonomy terms, "
                 f"{summary.postcodes} postcodes)" if summary.terms or summary.postcodes else "")
    click.echo(f"Seeded {summary.services} sample services{reference} in {time.perf_counter() - started:.1f} s")
    store = ctx.obj.extensions["directory.search"].store
    if not store.exists():  # an existing index has had the changes applied after each commit
        indexed = rebuild_index(_database(ctx), store)
        click.echo(f"Indexed {indexed.services} services into {indexed.path}")


@main.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Report what this deployment lacks, each with its fix; exit status 1 if anything does.

    Looks at the secret key, the database and its migrations, the search index against the
    change log, the compiled catalogues, the vendored static files and WeasyPrint.
    """
    from .deployment_check import check_deployment

    findings = check_deployment(ctx.obj)
    for finding in findings:
        click.echo(f"{'ok' if finding.ok else 'MISSING':8} {finding.subject}: {finding.detail}")
        if not finding.ok:
            click.echo(f"{'':8} fix: {finding.fix}")
    lacking = sum(not finding.ok for finding in findings)
    click.echo(f"{lacking} of {len(findings)} checks need attention" if lacking else "Everything is in place")
    ctx.exit(1 if lacking else 0)


@main.command()
@click.pass_context
def reindex(ctx: click.Context) -> None:
    """Rebuild the search index from the database beside the live one, then swap it in.

    Searches keep answering from the old index until the new one is complete.
    """
    from .search.indexer import IndexStore
    from .search.sync import count_services, rebuild_index

    database = _database(ctx)
    store = IndexStore(ctx.obj.config["INDEX_DIR"])
    with click.progressbar(length=count_services(database), label="Indexing") as bar:
        summary = rebuild_index(database, store, progress=bar.update)
    rate = summary.services / summary.seconds if summary.seconds else 0
    click.echo(f"Indexed {summary.services} services as {summary.documents} documents in {summary.seconds:.1f} s "
               f"({rate:.0f} services/s) into {summary.path}")


@main.command("sync-index")
@click.option("--once", is_flag=True, help="Catch up with the change log, then exit.")
@click.option("--poll", type=float, default=None, help="Seconds between looks at the change log (default 0.25).")
@click.pass_context
def sync_index(ctx: click.Context, once: bool, poll: float | None) -> None:
    """Apply the change log to this node's search index (the index writer, in the foreground).

    At most one process per index folder writes (a file lock elects it); run this beside
    web workers started with DIRECTORY_INDEX_FOLLOW=0, or let the workers elect one.
    """
    import signal

    applier = ctx.obj.extensions["directory.index_sync"].applier
    if poll:
        applier.poll = poll
    if once:
        if not applier.sync_once():
            raise click.ClickException(f"another process is writing {applier.store.root}")
        click.echo(f"Index {applier.store.root} at change-log seq {applier.store.applied_seq()}"
                   + (f" (last error: {applier.last_error})" if applier.last_error else ""))
        ctx.exit(1 if applier.last_error else 0)
    signal.signal(signal.SIGTERM, lambda *_: applier.request_stop())
    click.echo(f"Following the change log into {applier.store.root} (pid {os.getpid()})")
    applier.run()


@main.command("import-postcodes")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def import_postcodes_command(ctx: click.Context, path: str) -> None:
    """Import postcode centroids from an ONSPD CSV or a GeoNames postal-code file.

    The whole file is imported in one transaction: a bad line stops it, naming the line,
    and nothing is half-imported.
    """
    from .postcodes import PostcodeFileError, import_postcodes, open_postcode_file

    started = time.perf_counter()
    size = os.path.getsize(path)
    try:
        with _database(ctx).session() as session, open_postcode_file(path) as stream, \
                click.progressbar(length=size, label="Importing postcodes") as bar:
            summary = import_postcodes(session, stream, progress=lambda _rows: bar.update(stream.tell() - bar.pos))
    except PostcodeFileError as error:
        raise click.ClickException(f"{path}: {error} — nothing was imported") from error
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    click.echo(f"Imported {summary.rows} postcodes ({summary.skipped} without coordinates skipped) "
               f"in {time.perf_counter() - started:.1f} s, peak memory {peak_mb:.0f} MB")


@main.command("create-moderator")
@click.option("--email", prompt=True)
@click.option("--role", type=click.Choice(ROLES), default="moderator", show_default=True)
@click.password_option()
@click.pass_context
def create_moderator(ctx: click.Context, email: str, role: str, password: str) -> None:
    """Create (or reset the password and role of) a staff account."""
    email = email.strip().lower()
    if "@" not in email or len(password) < 10:
        raise click.ClickException("give an e-mail address and a password of at least 10 characters")
    with _database(ctx).session() as session:
        account = session.scalar(select(Account).where(func.lower(Account.email) == email))
        created = account is None
        account = account or Account(email=email)
        account.set_role(role)
        account.set_password(password)
        session.add(account)
    click.echo(f"{'Created' if created else 'Updated'} {role} account {email}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=lambda: int(os.environ.get("PORT", 5000)), show_default="5000 or $PORT", type=int)
@click.option("--debug/--no-debug", default=False)
@click.option("--prod", is_flag=True,
              help="Serve with gunicorn (needs DIRECTORY_SECRET_KEY); without it, the development server.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="--prod: worker processes (default: two per CPU core, plus one).")
@click.option("--threads", type=click.IntRange(min=1), default=4, show_default=True,
              help="--prod: threads per worker (gthread; 1: sync workers, where a PDF being made holds the whole "
                   "worker — see docs/PERFORMANCE.md).")
@click.option("--bind", "binds", multiple=True, metavar="ADDRESS",
              help="--prod: HOST:PORT or unix:PATH to listen on (repeatable; default: --host and --port).")
@click.option("--access-log", default="-", show_default=True,
              help="--prod: access log file ('-' for standard output, 'none' for no access log); paths only, "
                   "never query strings.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, debug: bool, prod: bool, workers: int | None, threads: int,
          binds: tuple[str, ...], access_log: str) -> None:
    """Serve the site: the development server, or gunicorn with --prod (see the README)."""
    if not prod:
        click.echo(f"Serving Community Signpost at http://{host}:{port}/")
        ctx.obj.config["SESSION_COOKIE_SECURE"] = False  # the development server speaks plain HTTP
        from .warm import warm_up_app

        warm_up_app(ctx.obj)
        ctx.obj.run(host=host, port=port, debug=debug, use_reloader=False)
        return
    from .serving import (MissingSecretKey, ProductionServer, UnsharedRateLimits, default_workers,
                          production_secret_key, shared_limit_storage)

    if debug:
        raise click.UsageError("--debug cannot be used with --prod")
    try:
        production_secret_key()
    except MissingSecretKey as error:
        raise click.ClickException(str(error)) from error
    ctx.obj.extensions["directory.db"].dispose()  # each worker builds its own app and engine
    workers = workers or default_workers()
    try:  # read by create_app in every worker
        os.environ["DIRECTORY_RATELIMIT_STORAGE_URI"] = shared_limit_storage(workers)
    except UnsharedRateLimits as error:
        raise click.ClickException(str(error)) from error
    if not os.environ.get("DIRECTORY_BASE_URL"):
        click.echo("Warning: DIRECTORY_BASE_URL is not set; absolute links (edit links, QR codes) will follow the "
                   "request's Host header. Set it to the site's public address, e.g. https://signpost.example.org",
                   err=True)
    bind = list(binds) or [f"{host}:{port}"]
    click.echo(f"Serving Community Signpost with gunicorn on {', '.join(bind)}: {workers} workers × {threads} threads",
               err=True)
    ProductionServer(create_app, bind=bind, workers=workers, threads=threads, access_log=access_log).run()


@main.command("import")
@click.argument("path", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--from-url", "url", metavar="URL",
              help="Pull every item from another ORUK API: its base URL (services), or a collection URL "
                   "(…/service_at_locations, …/organizations, …/taxonomy_terms, …/taxonomies).")
@click.option("--format", "file_format", type=click.Choice(["json", "csv"]), default=None,
              help="The file's format (default: from its name, else its content).")
@click.option("--dry-run", is_flag=True, help="Check everything and report problems; import nothing.")
@click.option("--skip-invalid", is_flag=True,
              help="Import the good records and list the ones that cannot be used (default: any error and "
                   "nothing is imported).")
@click.pass_context
def import_command(ctx: click.Context, path: str | None, url: str | None, file_format: str | None,
                   dry_run: bool, skip_invalid: bool) -> None:
    """Import ORUK records from a JSON or CSV file of any size (see docs/IMPORT.md) or another ORUK API.

    Any ORUK 3.0 document: a service, a list or page of services, service_at_locations,
    organizations with their services, taxonomy terms. A value that cannot be used is left
    out with a warning; a record that cannot be used is an error, and then nothing is
    imported (one transaction) unless --skip-invalid. The last line says what happened;
    the exit status is 0 (all imported), 1 (nothing imported) or 3 (imported, invalid
    records skipped).
    """
    from .oruk.importer import ImportFileError, records_from_stream, records_from_url, run_import
    from .oruk.sources import file_size, spool_stdin

    if bool(path) == bool(url):
        raise click.UsageError("give a FILE or --from-url URL (one of them)")
    source = url or path
    started = time.perf_counter()
    label = "Checking" if dry_run else "Importing"
    with _progress(label) as progress, contextlib.ExitStack() as opened:
        try:
            if url:
                records = records_from_url(url, progress=lambda page, pages: progress.pages(page, pages))
            elif path == "-":
                spooled = opened.enter_context(spool_stdin(sys.stdin.buffer))
                progress.follow(spooled, os.fstat(spooled.fileno()).st_size)
                records = records_from_stream(spooled, None, file_format)
            else:
                try:
                    stream = opened.enter_context(open(path, "rb"))  # noqa: SIM115
                except OSError as error:
                    raise ImportFileError(f"cannot read the file: {error.strerror or error}") from error
                progress.follow(stream, file_size(path))
                records = records_from_stream(stream, path, file_format)
            report = run_import(_database(ctx), records, dry_run=dry_run, progress=progress.record,
                                skip_invalid=skip_invalid)
        except ImportFileError as error:
            raise click.ClickException(f"{source}: {error} — nothing was imported") from error
    lines = report.lines()
    for line in lines[:-1]:
        click.echo(line)
    seconds = time.perf_counter() - started
    rate = f" ({report.records / seconds:.0f} records/s)" if seconds and report.records > 1000 else ""
    click.echo(f"from {source} in {seconds:.1f} s{rate}", err=True)
    click.echo(lines[-1])
    if report.outcome == "refused":
        ctx.exit(1)
    if report.outcome == "partial":
        ctx.exit(3)


class _progress:
    """A progress bar on a terminal only (never in a pipe or a log): bytes of the file read,
    or pages of an API fetched."""

    def __init__(self, label: str):
        self.label = label
        self.bar = None
        self.stream = None
        self.position = 0
        self.count = 0

    def __enter__(self) -> "_progress":
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.render_finish()

    def _start(self, length: int) -> None:
        if self.bar is None and sys.stderr.isatty() and length:
            self.bar = click.progressbar(length=length, label=self.label, file=sys.stderr)
            self.bar.__enter__()

    def follow(self, stream, size: int | None) -> None:
        self.stream = stream
        self._start(size or 0)

    def pages(self, page: int, pages: int) -> None:
        self._start(max(pages, page))
        if self.bar is not None:
            self.bar.length = max(pages, page)
            self.bar.update(1)

    def record(self, _count: int) -> None:
        self.count += 1
        if self.bar is None or self.count % 200:
            return
        position = self._position()
        if position is not None and position > self.bar.pos:
            self.bar.update(position - self.bar.pos)

    def _position(self) -> int | None:
        if self.stream is not None:
            try:
                return self.stream.tell()
            except (OSError, ValueError):
                return None
        return None


@main.command("export")
@click.option("--format", "file_format", type=click.Choice(["oruk-json", "csv", "geojson", "ics"]),
              default="oruk-json", show_default=True)
@click.option("--area", metavar="DISTRICT", help="Only services with a place in this postcode district (e.g. LE4).")
@click.option("--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="File to write (default: standard output).")
@click.pass_context
def export_command(ctx: click.Context, file_format: str, area: str | None, output: str) -> None:
    """Export the published directory (closed listings left out) as ORUK JSON, CSV,
    GeoJSON or iCalendar."""
    from .geography import InvalidLocation
    from .oruk.export import export

    try:
        with _database(ctx).session() as session:
            exported = export(session, file_format, area)
    except InvalidLocation as error:
        raise click.BadParameter(str(error), param_hint="--area") from error
    if output == "-":
        stream = getattr(sys.stdout, "buffer", None) or sys.stdout
        stream.write(exported.body if stream is not sys.stdout else exported.body.decode("utf-8"))
        stream.flush()
    else:
        Path(output).write_bytes(exported.body)
    click.echo(f"Exported {exported.services} services as {file_format}"
               f"{' to ' + output if output != '-' else ''}", err=True)


@main.command("newsletter")
@click.option("--area", required=True, metavar="AREA",
              help="A sample ward (belgrave, evington, spinney-hills, thurncourt, wycliffe, city-centre) "
                   "or a postcode district (e.g. LE4).")
@click.option("--lang", "locale", default="en", show_default=True,
              type=click.Choice(["en", "gu", "pl", "zh_Hans", "zh_Hant", "ur"]), help="Language of the newsletter.")
@click.option("--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="File to write (default: standard output); a name ending in .pdf makes a PDF.")
@click.pass_context
def newsletter_command(ctx: click.Context, area: str, locale: str, output: str) -> None:
    """Print the neighbourhood newsletter: running activities in AREA, by day of the week."""
    from flask_babel import force_locale

    from .connect.areas import UnknownArea, load_wards
    from .connect.pdf import PdfUnavailable
    from .i18n.locales import BY_CODE
    from .web.connect.reports import newsletter_context
    from .web.connect.rendering import printable_pdf, render_printable

    app = ctx.obj
    wants_pdf = output.lower().endswith(".pdf")
    with app.test_request_context(f"/{BY_CODE[locale].slug}/"), force_locale(BY_CODE[locale].babel_locale), \
            _database(ctx).session() as session:
        try:
            context = newsletter_context(session, area, locale, load_wards(app.config["SEED_DIR"]))
        except UnknownArea as error:
            raise click.BadParameter(f"{area!r} is neither a sample ward nor a postcode district",
                                     param_hint="--area") from error
        try:
            body = printable_pdf("connect/newsletter.html", **context) if wants_pdf else \
                render_printable("connect/newsletter.html", standalone=True, **context).encode("utf-8")
        except PdfUnavailable as error:
            raise click.ClickException(str(error)) from error
        count = len(context["newsletter"].services)
    if output == "-":
        click.echo(body, nl=False)
    else:
        Path(output).write_bytes(body)
    click.echo(f"Newsletter for {context['newsletter'].area.label} in {locale}: {count} activities"
               f"{' to ' + output if output != '-' else ''}", err=True)


@main.command("remind")
@click.option("--days-before", type=click.IntRange(min=0), default=None,
              help="Ask this many days before a listing would turn stale (default 30, DIRECTORY_REMINDER_DAYS_BEFORE).")
@click.option("--dry-run", is_flag=True, help="Say who would be asked; send and record nothing.")
@click.pass_context
def remind_command(ctx: click.Context, days_before: int | None, dry_run: bool) -> None:
    """E-mail each listing nearing staleness, once, asking whether it is still right (run daily)."""
    import datetime as dt

    from .web.reminders.mailing import MailNotConfigured, send_reminders

    app = ctx.obj
    days = app.config["REMINDER_DAYS_BEFORE"] if days_before is None else days_before
    try:
        run = send_reminders(app, dt.date.today(), days, dry_run=dry_run)
    except MailNotConfigured as error:
        raise click.ClickException(f"cannot send reminders without {error} (see the README's settings)") from error
    for name, address, locale in run.planned:
        click.echo(f"would ask {address} ({locale}) about {name}")
    for address in run.refused + run.failed:
        click.echo(f"not delivered: {address}", err=True)
    click.echo(f"Reminders: {len(run.sent)} sent, {len(run.refused)} refused, {len(run.failed)} failed, "
               f"{len(run.planned)} planned (dry run), {len(run.no_address)} due with no address (call list)", err=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
