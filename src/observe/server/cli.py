"""The ``observe-server`` command: serve, migrate, and the administrator's jobs.

Every command takes ``--database-url`` (default: ``$OBSERVE_SERVER_DATABASE_URL``, else a SQLite
file in the site data folder). Failures are one sentence on stderr and a non-zero exit code:
2 for a refused request (bad option, duplicate email), 3 for a database that can't be used,
1 otherwise. Tracebacks go to the log (stderr at --verbose), never to the person.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import logging
import os
import socket
import sys
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from observe import __version__
from observe.errors import ObserveError, UsageError
from observe.safetext import printable
from observe.server import accounts, backup, blobs, invitations, mail, migrate, state
from observe.server.blob_store import ENV_BLOB_DIR, BlobStore, default_blob_dir
from observe.server.concurrency import DEFAULT_POOL_SIZE, ENV_POOL_SIZE
from observe.server.db import (
    ENV_DATABASE_URL,
    DatabaseError,
    connection_sentence,
    default_database_url,
    describe,
    make_engine,
    parse_url,
)
from observe.server.schema import utcnow as state_now

log = logging.getLogger("observe.server")


def _setup_logging(verbose: bool, serving: bool) -> None:
    level = logging.DEBUG if verbose else (logging.INFO if serving else logging.WARNING)
    logging.basicConfig(
        level=level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s",
    )


def _engine(args: argparse.Namespace) -> Engine:
    return make_engine(args.database_url)


def _print_rows(rows: list[dict[str, Any]], columns: list[str], as_json: bool) -> None:
    if as_json:
        print(json.dumps(rows, default=str, indent=1))
        return
    if not rows:
        print("(none)")
        return
    # Names come from users and devices (a device names itself at sign-in): no escape
    # sequences reach the administrator's terminal.
    table = [[("" if r.get(c) is None else printable(r.get(c))) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in table)) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in table:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


# --- commands --------------------------------------------------------------------------------


def cmd_migrate(args: argparse.Namespace) -> int:
    engine = _engine(args)
    revision = migrate.upgrade(engine)
    print(f"The database {describe(engine.url)} is at schema revision {revision}.")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    engine = _engine(args)
    current = migrate.schema_state(engine)
    if current is not migrate.SchemaState.CURRENT:
        raise DatabaseError(
            f"The database {describe(engine.url)} has no current schema ({current.value}); "
            "run observe-server migrate."
        )
    info = {"database": describe(engine.url), **state.current_state(engine)}
    for key, value in info.items():
        print(f"{key}: {value}")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("No terminal to ask for the password; pipe it in with --password-stdin.")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise UsageError("The two passwords differ; nothing was changed.")
    return first


def cmd_user_add(args: argparse.Namespace) -> int:
    engine = _engine(args)
    migrate.check_before_serving(engine)
    password = _read_password(args)
    user = accounts.add_user(
        engine,
        email=args.email,
        name=args.name,
        role=args.role,
        school_name=args.school,
        password=password,
    )
    print(f"Added {user['role']} {user['email']} ({user['id']}) at {args.school.strip()}.")
    return 0


def cmd_user_invite(args: argparse.Namespace) -> int:
    base = args.public_url or os.environ.get(invitations.ENV_PUBLIC_URL, "")
    if not base.strip():
        raise UsageError(
            "Give the address teachers open in their browser with --public-url "
            f"(or set {invitations.ENV_PUBLIC_URL})."
        )
    base = invitations.check_public_url(base)
    smtp = _smtp(args)
    engine = _checked(args)
    if not args.school.strip():
        raise UsageError("Give the school's name with --school.")
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        school_id = accounts.school_id_of(conn, args.school.strip())
    made = invitations.invite(
        engine,
        email=args.email,
        name=args.name,
        school_id=school_id,
        created_by=None,
        base_url=base,
    )
    print(f"Invited {made.email} to read what their coaches share at {args.school.strip()}.")
    print(f"Link: {made.link}")
    print(f"Code: {made.code} (to type in at {base}/invite)")
    print(f"Valid until {made.expires_at:%Y-%m-%d %H:%M} UTC, once.")
    if smtp is not None:
        sys.stdout.flush()  # the link and code are out before the mail server is tried
        sent, sentence = mail.send_now(engine, smtp, made, args.name.strip(), args.school.strip())
        print(sentence, file=sys.stdout if sent else sys.stderr)
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    users = accounts.list_users(_checked(args))
    cols = ["id", "email", "name", "role", "school", "disabled", "created_at"]
    _print_rows(users, cols, args.json)
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    user_id = accounts.set_disabled(_checked(args), args.user, True)
    print(f"Disabled user {args.user} ({user_id}); their devices are refused from now on.")
    return 0


def cmd_user_enable(args: argparse.Namespace) -> int:
    user_id = accounts.set_disabled(_checked(args), args.user, False)
    print(f"Enabled user {args.user} ({user_id}).")
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    idle = accounts.check_idle_days(args.token_idle_days)
    devices = accounts.list_devices(_checked(args), args.user, idle)
    cols = ["id", "user_email", "name", "created_at", "last_seen_at", "expires_at", "status"]
    for d in devices:
        d["status"] = "revoked" if d["revoked"] else "expired" if d["expired"] else "active"
    _print_rows(devices, cols, args.json)
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    accounts.revoke_device(_checked(args), args.device_id)
    print(f"Revoked device {args.device_id}; its token is refused from now on.")
    return 0


def cmd_new_epoch(args: argparse.Namespace) -> int:
    now = state.new_epoch(_checked(args))
    print(f"New epoch {now['epoch']}; clients will re-push what this server may lack.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    path = Path(args.path).expanduser()
    if path.is_dir():
        path = path / "observe-server-backup.jsonl.gz"
    counts = backup.backup(_engine(args), path)
    print(
        f"Backed up {counts.get('record', 0)} records and {counts.get('account', 0)} users "
        f"to {path}."
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    now = backup.restore(_engine(args), Path(args.path).expanduser(), replace=args.replace)
    print(
        f"Restored {args.path} at seq {now['head_seq']}; new epoch {now['epoch']}, so clients "
        "will re-push what the backup lacks."
    )
    return 0


def _checked(args: argparse.Namespace) -> Engine:
    engine = _engine(args)
    if engine.dialect.name == "sqlite" and not Path(engine.url.database or "").exists():
        raise DatabaseError(
            f"There is no database at {engine.url.database}; "
            "create it with observe-server migrate (or check --database-url)."
        )
    current = migrate.schema_state(engine)
    migrate.refuse_unusable(engine, current)
    if current is not migrate.SchemaState.CURRENT:
        raise DatabaseError(
            f"The database {describe(engine.url)} needs observe-server migrate first."
        )
    return engine


def _check_port(host: str, port: int) -> None:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"The host name {host!r} can't be resolved.") from exc
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UsageError(
                    f"Port {port} on {host} is already in use; choose another with --port."
                ) from exc
            raise UsageError(f"The server can't listen on {host}:{port} ({exc.strerror}).") from exc


def _blob_dir(args: argparse.Namespace) -> Path:
    if args.blob_dir:
        return Path(args.blob_dir).expanduser().resolve()
    return default_blob_dir(args.database_url)


def cmd_blobs_gc(args: argparse.Namespace) -> int:
    if args.grace_days < 0:
        raise UsageError("--grace-days can't be negative.")
    engine = _checked(args)
    grace = timedelta(days=args.grace_days)
    done = blobs.collect(engine, BlobStore(_blob_dir(args)), state_now(), grace)
    print(done.sentence(grace))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    url = parse_url(args.database_url)
    engine = make_engine(args.database_url)
    migrate.check_before_serving(engine)
    engine.dispose()
    for option in ("ssl_certfile", "ssl_keyfile"):
        value = getattr(args, option)
        if value and not Path(value).is_file():
            raise UsageError(
                f"The file {value} given with --{option.replace('_', '-')} is missing."
            )
    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        raise UsageError("Give both --ssl-certfile and --ssl-keyfile, or neither.")
    if args.workers < 1:
        raise UsageError("--workers must be at least 1.")
    _check_port(args.host, args.port)
    os.environ[ENV_DATABASE_URL] = url.render_as_string(hide_password=False)
    if args.pool_size < 1:
        raise UsageError("--pool-size must be at least 1.")
    os.environ[ENV_POOL_SIZE] = str(args.pool_size)
    folder = _blob_dir(args)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"The blob folder {folder} can't be created ({exc.strerror or exc}); give another "
            "with --blob-dir."
        ) from exc
    os.environ[ENV_BLOB_DIR] = str(folder)
    os.environ[accounts.ENV_TOKEN_IDLE_DAYS] = repr(accounts.check_idle_days(args.token_idle_days))
    if args.public_url:
        os.environ[invitations.ENV_PUBLIC_URL] = invitations.check_public_url(args.public_url)
    smtp = _smtp(args)
    if smtp is not None:
        # The URL carries no user name or password (refused above); they stay in the
        # environment the workers inherit.
        os.environ[mail.ENV_SMTP_URL] = f"{smtp.scheme}://{smtp.where}"
        os.environ[mail.ENV_SMTP_FROM] = smtp.sender
        log.info("invitations are emailed through %s from %s", smtp.where, smtp.sender)
    else:
        os.environ.pop(mail.ENV_SMTP_URL, None)
    log.info(
        "observe-server %s serving %s on %s:%d with %d worker(s)",
        __version__,
        describe(url),
        args.host,
        args.port,
        args.workers,
    )
    uvicorn.run(
        "observe.server.app:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        access_log=not args.no_access_log,
        log_level="debug" if args.verbose else "info",
        timeout_graceful_shutdown=10,
    )
    return 0


# --- parser ----------------------------------------------------------------------------------


def _smtp_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--smtp-url",
        metavar="URL",
        default=os.environ.get(mail.ENV_SMTP_URL, ""),
        help="email new invitations through this mail server: smtp://host:port, "
        "smtp+starttls://host:port or smtps://host:port; user name and password from "
        f"${mail.ENV_SMTP_USERNAME} and ${mail.ENV_SMTP_PASSWORD} (default: ${mail.ENV_SMTP_URL}; "
        "without it nothing is sent anywhere)",
    )
    parser.add_argument(
        "--smtp-from",
        metavar="ADDRESS",
        default="",
        help=f"the invitation emails' sender (default: ${mail.ENV_SMTP_FROM}, else observe@host)",
    )


def _smtp(args: argparse.Namespace) -> mail.SmtpConfig | None:
    return mail.parse_smtp_url(args.smtp_url, args.smtp_from) if args.smtp_url.strip() else None


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        metavar="URL",
        default=default_database_url(),
        help="sqlite:///PATH or postgresql+psycopg://USER:PASSWORD@HOST/DB "
        f"(default: ${ENV_DATABASE_URL}, else a SQLite file in the site data folder)",
    )
    common.add_argument("--verbose", action="store_true", help="log details to stderr")
    parser = argparse.ArgumentParser(
        prog="observe-server",
        description="Observe's sync server: serve, migrate, and manage users and devices.",
    )
    parser.add_argument("--version", action="version", version=f"observe-server {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, handler: Callable[[argparse.Namespace], int], text: str) -> Any:
        p = sub.add_parser(name, parents=[common], help=text, description=text)
        p.set_defaults(handler=handler)
        return p

    serve = add("serve", cmd_serve, "run the HTTP server (an empty database is set up first)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="worker processes")
    serve.add_argument(
        "--pool-size",
        type=int,
        default=DEFAULT_POOL_SIZE,
        help="database connections each worker keeps, and requests it works on at once",
    )
    serve.add_argument("--ssl-certfile", metavar="PEM")
    serve.add_argument("--ssl-keyfile", metavar="PEM")
    serve.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        metavar="IPS",
        help="reverse proxies whose X-Forwarded-For/-Proto headers are trusted (comma list)",
    )
    serve.add_argument("--no-access-log", action="store_true")
    idle_help = (
        "a device token unused this many days expires and the device must sign in again "
        f"(default: ${accounts.ENV_TOKEN_IDLE_DAYS}, else {accounts.TOKEN_IDLE_DAYS:g})"
    )
    serve.add_argument(
        "--token-idle-days", type=float, default=accounts.token_idle_days(), help=idle_help
    )
    public_help = (
        "the address teachers and leaders open in a browser, used in invitation links "
        f"(default: ${invitations.ENV_PUBLIC_URL}, else the address each request came to)"
    )
    serve.add_argument("--public-url", metavar="URL", help=public_help)
    _smtp_options(serve)
    blob_help = (
        "folder for images of student work (default: a 'blobs' folder beside a SQLite "
        "database, else in the site data folder)"
    )
    serve.add_argument("--blob-dir", metavar="DIR", help=blob_help)
    add("migrate", cmd_migrate, "create or upgrade the server's database schema")
    add("info", cmd_info, "server id, epoch and head seq of the database")
    add("new-epoch", cmd_new_epoch, "start a new epoch so every client re-pushes what it holds")
    bk = add("backup", cmd_backup, "write a portable backup file (gzip'd JSON lines)")
    bk.add_argument("path", help="file (or folder) to write")
    rs = add("restore", cmd_restore, "load a backup into this database under a new epoch")
    rs.add_argument("path", help="backup file made by observe-server backup")
    rs.add_argument("--replace", action="store_true", help="overwrite a database that has data")

    blob = sub.add_parser("blobs", help="look after the stored images of student work")
    blob_sub = blob.add_subparsers(dest="blob_command", metavar="ACTION", required=True)
    gc = blob_sub.add_parser(
        "gc",
        parents=[common],
        help="remove images no record has named for the grace period (run daily, e.g. cron)",
    )
    gc.set_defaults(handler=cmd_blobs_gc)
    gc.add_argument("--blob-dir", metavar="DIR", help=blob_help)
    gc.add_argument(
        "--grace-days",
        type=float,
        default=blobs.GRACE.days,
        help=f"days an unnamed image is kept (default {blobs.GRACE.days})",
    )

    user = sub.add_parser("user", help="add, list, disable or enable users")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    def add_user_cmd(name: str, handler: Callable[[argparse.Namespace], int], text: str) -> Any:
        p = user_sub.add_parser(name, parents=[common], help=text, description=text)
        p.set_defaults(handler=handler)
        return p

    ua = add_user_cmd("add", cmd_user_add, "add a user (asks for the password)")
    ua.add_argument("--email", required=True)
    ua.add_argument("--name", required=True)
    ua.add_argument("--role", required=True, choices=accounts.ROLES)
    ua.add_argument("--school", required=True, help="school name (created if new)")
    ua.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    ui = add_user_cmd(
        "invite",
        cmd_user_invite,
        "invite a teacher: prints a one-time link and code to set a password (14 days)",
    )
    ui.add_argument("--email", required=True)
    ui.add_argument("--name", required=True)
    ui.add_argument("--school", required=True, help="school name (created if new)")
    ui.add_argument(
        "--public-url",
        metavar="URL",
        help=f"the server's address for teachers (default: ${invitations.ENV_PUBLIC_URL})",
    )
    _smtp_options(ui)
    ul = add_user_cmd("list", cmd_user_list, "list users")
    ul.add_argument("--json", action="store_true")
    for name, handler in (("disable", cmd_user_disable), ("enable", cmd_user_enable)):
        p = add_user_cmd(name, handler, f"{name} a user (by email or id)")
        p.add_argument("user", metavar="EMAIL_OR_ID")

    dev = sub.add_parser("device", help="list or revoke devices")
    dev_sub = dev.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    dl = dev_sub.add_parser("list", parents=[common], help="list devices")
    dl.set_defaults(handler=cmd_device_list)
    dl.add_argument("--user", metavar="EMAIL_OR_ID", help="only this user's devices")
    dl.add_argument("--json", action="store_true")
    dl.add_argument(
        "--token-idle-days", type=float, default=accounts.token_idle_days(), help=idle_help
    )
    dr = dev_sub.add_parser("revoke", parents=[common], help="revoke a device's token")
    dr.set_defaults(handler=cmd_device_revoke)
    dr.add_argument("device_id", metavar="DEVICE_ID")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose, args.command == "serve")
    try:
        return int(args.handler(args) or 0)
    except ObserveError as exc:
        log.debug("%s failed", args.command, exc_info=True)
        print(exc.sentence, file=sys.stderr)
        return exc.exit_code
    except OperationalError as exc:
        print(connection_sentence(make_engine(args.database_url), exc), file=sys.stderr)
        return DatabaseError.exit_code
    except KeyboardInterrupt:
        print("Cancelled.", file=sys.stderr)
        return 130
    except OSError as exc:
        log.debug("%s failed", args.command, exc_info=True)
        print(
            f"observe-server could not read or write a file ({exc.strerror or exc}).",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:
        log.debug("%s failed", args.command, exc_info=True)
        print(
            f"Something went wrong ({type(exc).__name__}); run with --verbose for details.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
