"""The other processes of the fault tests: a node's index writer, a reindex to kill, a web
worker that edits. Run as ``python tests/nodes/node_process.py ROLE ...`` with
DIRECTORY_DATABASE_URL and DIRECTORY_INDEX_DIR set, as a deployment would run them.

Test hooks live here, not in the product: ``reindex --pause-after N`` wraps the rebuild's
document stream so the build stops half-way (after N services, having written a marker
file) until it is killed; ``writer --file-size-limit 0`` runs the writer under
RLIMIT_FSIZE, so every write that grows a file fails with EFBIG exactly as on a full
disk, until SIGUSR1 lifts the limit ("space returns").
"""
from __future__ import annotations

import argparse
import faulthandler
import json
import os
import resource
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from directory import create_app  # noqa: E402


def writer(args) -> None:
    import logging

    from directory.search import applier as applier_module

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    faulthandler.register(signal.SIGUSR2)  # `kill -USR2 PID` prints every thread's stack to the log

    applier_module.MAX_BACKOFF_S = 0.3  # retry briskly once space returns: the test has a deadline
    app = create_app()
    applier = app.extensions["directory.index_sync"].applier
    applier.poll = args.poll
    if args.file_size_limit is not None:
        applier_module.warm_up_analysis()  # jieba writes its cache file on first use: before the "disk" fills
        _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() then fails with EFBIG instead of killing us
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.file_size_limit, hard))
        signal.signal(signal.SIGUSR1, lambda *_: resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard)))
    signal.signal(signal.SIGTERM, lambda *_: applier.request_stop())
    print("ready", flush=True)
    applier.run()


def reindex(args) -> None:
    from directory.cli import main
    from directory.search import sync

    original = sync.iter_service_documents

    def pausing(*a, **kw):
        for count, item in enumerate(original(*a, **kw), start=1):
            yield item
            if count == args.pause_after:
                Path(args.marker).write_text(str(os.getpid()))
                while True:  # half-way: wait here to be killed
                    time.sleep(1)

    sync.iter_service_documents = pausing
    main(["reindex"])


def edit(args) -> None:
    from directory.models import Service

    app = create_app()
    database = app.extensions["directory.db"]
    with database.session() as session:
        session.get(Service, args.service_id).name = args.name
    print(json.dumps({"committed_at": time.time()}), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    roles = parser.add_subparsers(dest="role", required=True)
    role = roles.add_parser("writer")
    role.add_argument("--poll", type=float, default=0.1)
    role.add_argument("--file-size-limit", type=int, default=None)
    role.set_defaults(run=writer)
    role = roles.add_parser("reindex")
    role.add_argument("--pause-after", type=int, required=True)
    role.add_argument("--marker", required=True)
    role.set_defaults(run=reindex)
    role = roles.add_parser("edit")
    role.add_argument("--service-id", required=True)
    role.add_argument("--name", required=True)
    role.set_defaults(run=edit)
    arguments = parser.parse_args()
    arguments.run(arguments)
