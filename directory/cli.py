"""The ``directory`` command: init, seed, import-postcodes, create-moderator, serve.

Every command reads ``DIRECTORY_DATABASE_URL`` and ``DIRECTORY_INDEX_DIR`` through the same
settings as the web app, prints progress for long work and ends with a one-line summary.
"""
from __future__ import annotations

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
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create the database, or migrate an existing one to the latest schema."""
    from .schema import upgrade_database

    database = _database(ctx)
    upgrade_database(database)
    click.echo(f"Database ready at {database.engine.url.render_as_string(hide_password=True)}")


@main.command()
@click.option("--seed-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder with taxonomy.json, services/ and postcodes.txt (default: seed_data/).")
@click.pass_context
def seed(ctx: click.Context, seed_dir: Path | None) -> None:
    """Load the sample directory (idempotent: running it twice gives the same directory)."""
    from .oruk.read import InvalidRecord
    from .postcodes import PostcodeFileError
    from .seed import seed_directory

    seed_dir = seed_dir or Path(ctx.obj.config["SEED_DIR"])
    files = sorted((seed_dir / "services").glob("*.json"))
    started = time.perf_counter()
    try:
        with _database(ctx).session() as session, click.progressbar(length=len(files), label="Seeding") as bar:
            summary = seed_directory(session, seed_dir, progress=lambda _name: bar.update(1))
    except (InvalidRecord, PostcodeFileError, ValueError) as error:
        raise click.ClickException(f"seed data not loaded: {error}") from error
    click.echo(f"Seeded {summary.services} services, {summary.terms} taxonomy terms and "
               f"{summary.postcodes} postcodes in {time.perf_counter() - started:.1f} s")


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
        account.role = role
        account.set_password(password)
        session.add(account)
    click.echo(f"{'Created' if created else 'Updated'} {role} account {email}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=lambda: int(os.environ.get("PORT", 5000)), show_default="5000 or $PORT", type=int)
@click.option("--debug/--no-debug", default=False)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, debug: bool) -> None:
    """Serve the site (development server; see the README for production)."""
    click.echo(f"Serving Community Signpost at http://{host}:{port}/")
    ctx.obj.run(host=host, port=port, debug=debug, use_reloader=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
