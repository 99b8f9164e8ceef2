"""``observe login``, ``observe sync``, ``observe logout`` and ``observe conflicts``.

The password is read with getpass (never echoed, never an argument that would land in shell
history) or, for scripts, from standard input with ``--password-stdin``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from observe.errors import UsageError
from observe.i18n import _, ngettext
from observe.store import open_profile


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("login", parents=[common], help=_("sign this profile in to a sync server"))
    p.add_argument(
        "--server", required=True, metavar="URL", help=_("e.g. https://observe.school.org")
    )
    p.add_argument("--email", required=True)
    p.add_argument(
        "--password-stdin", action="store_true", help=_("read the password from standard input")
    )
    p.add_argument("--device-name", help=_("how this computer is listed on the server"))
    p.set_defaults(handler=cmd_login)

    p = sub.add_parser("sync", parents=[common], help=_("send and receive changes now"))
    p.add_argument(
        "--allow-mass-delete",
        action="store_true",
        help=_("go ahead even if the server deleted a large share of this profile's records"),
    )
    p.add_argument(
        "--images",
        action="store_true",
        help=_(
            "also download every image of student work not on this computer yet (to work "
            "offline later; otherwise each comes when it is shown, printed or exported)"
        ),
    )
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser("logout", parents=[common], help=_("sign this profile out of its server"))
    p.set_defaults(handler=cmd_logout)

    p = sub.add_parser(
        "invite",
        parents=[common],
        help=_("invite a roster teacher to read the feedback you share (prints a link and code)"),
    )
    p.add_argument("--teacher", required=True, metavar="NAME_OR_ID", help=_("the roster teacher"))
    p.add_argument(
        "--qr",
        action="store_true",
        help=_("also print the link as a QR code on this teacher's next feedback sheets"),
    )
    p.set_defaults(handler=cmd_invite)

    p = sub.add_parser(
        "conflicts", parents=[common], help=_("list changes the server did not take as they were")
    )
    p.add_argument(
        "--keep-mine", type=int, metavar="N", help=_("resolve conflict N with your copy")
    )
    p.add_argument(
        "--keep-theirs", type=int, metavar="N", help=_("resolve conflict N with the server's copy")
    )
    _register_orphan_choices(p)
    p.add_argument(
        "--resolve-identical",
        action="store_true",
        help=_("resolve every conflict whose two sides say the same thing"),
    )
    p.set_defaults(handler=cmd_conflicts)


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        password = password.removesuffix("\r")
    else:
        if not sys.stdin.isatty():
            raise UsageError(
                _(
                    "There is no terminal to ask for the password; pass it on standard input "
                    "with --password-stdin."
                )
            )
        password = getpass.getpass(f"Password for {args.email}: ")
    if not password:
        raise UsageError(_("No password was given, so Observe did not sign in."))
    return password


def cmd_login(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.sync.account import login
    from observe.sync.client import normalize_server_url

    normalize_server_url(args.server)  # a bad address is refused before asking for a password
    password = _read_password(args)
    store = open_profile(data_dir)
    try:
        done = login(store, args.server, args.email, password, device_name=args.device_name)
    finally:
        store.close()
    where = (
        "the system keyring"
        if done.token_stored_in == "keyring"
        else _("{credentials_path} (readable only by you)").format(
            credentials_path=done.credentials_path
        )
    )
    print(
        _("Signed in to {server_url} as {email} ({name}).").format(
            server_url=done.server_url, email=done.email, name=done.name
        )
    )
    print(
        _("This device's sign-in is kept in {where}. Run `observe sync` to sync now.").format(
            where=where
        )
    )
    return 0


def cmd_sync(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.sync.engine import SyncEngine

    store = open_profile(data_dir)
    fetched = None
    try:
        result = SyncEngine(store).sync(allow_mass_delete=args.allow_mass_delete)
        if args.images:
            from observe.store.export import image_shas
            from observe.sync.blobs import fetch_missing

            fetched = fetch_missing(store, image_shas(store))
    finally:
        store.close()
    print(result.summary())
    if fetched is not None:
        if fetched.fetched or not fetched.sentence:
            print(
                ngettext(
                    "Downloaded {n} image of student work.",
                    "Downloaded {n} images of student work.",
                    fetched.fetched,
                ).format(n=fetched.fetched)
            )
        if fetched.sentence:
            print(fetched.sentence)
    if result.open_conflicts:
        print(_("See them with `observe conflicts` (or Sync → Conflicts… in the app)."))
    return 0


def cmd_logout(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.sync.account import logout

    store = open_profile(data_dir)
    try:
        done = logout(store)
    finally:
        store.close()
    print(done.sentence)
    return 0


def cmd_invite(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.sync.invitations import choose_qr, invite_teacher, teacher_contact

    store = open_profile(data_dir)
    try:
        teacher = teacher_contact(store, args.teacher)
        invitation = invite_teacher(store, teacher.id)
        if args.qr:
            choose_qr(store, invitation, True)
    finally:
        store.close()
    print(
        _("Invitation for {teacher_name} ({email}):").format(
            teacher_name=invitation.teacher_name, email=invitation.email
        )
    )
    print(f"  Link: {invitation.link}")
    print(f"  Code: {invitation.code}")
    print(_("  Valid until {expires_local}.").format(expires_local=invitation.expires_local))
    print(
        _(
            "Give the teacher the link (or the code, typed at the server's /invite "
            "page): they set a password there and then read what you share with them."
        )
    )
    if args.qr:
        print(_("The link will print as a QR code on their next feedback sheets."))
    return 0


def _register_orphan_choices(p: argparse.ArgumentParser) -> None:
    """Choices for a deleted record with new records left in it (``sync.orphans``)."""
    p.add_argument(
        "--restore", type=int, metavar="N", help=_("conflict N: restore the deleted record")
    )
    p.add_argument(
        "--discard", type=int, metavar="N", help=_("conflict N: discard what was added to it")
    )
    p.add_argument(
        "--move",
        type=int,
        metavar="N",
        help=_("conflict N: move what was added to another visit (lists them without --to)"),
    )
    p.add_argument("--to", metavar="ID", help=_("with --move: the visit to move to"))


def _orphan_choice(args: argparse.Namespace, store: Any) -> int | None:
    """Runs --restore/--discard/--move if one was given; returns the exit code, else None."""
    from observe.sync import orphans

    if args.restore is not None:
        entry = orphans.from_conflict_id(store, args.restore)
        orphans.restore_parent(store, args.restore)
        print(
            _(
                "Conflict {conflict}: the {record} is back here with {records}; it will be "
                "restored everywhere at the next sync."
            ).format(
                conflict=args.restore,
                record=orphans.noun(entry.parent_kind),
                records=entry.phrase(),
            )
        )
        return 0
    if args.discard is not None:
        entry = orphans.from_conflict_id(store, args.discard)
        orphans.discard_children(store, args.discard)
        sentence = (
            _("Conflict {conflict}: {records} deleted here, and everywhere at the next sync.")
            if entry.required
            else _("Conflict {conflict}: {records} unlinked here, and everywhere at the next sync.")
        )
        print(sentence.format(conflict=args.discard, records=entry.phrase()))
        return 0
    if args.move is not None:
        if not args.to:
            targets = orphans.move_targets(store, args.move)
            if not targets:
                raise UsageError(
                    _("There is no other visit to move to; restore or discard instead.")
                )
            print(_("Move to which visit? Run again with --to ID, one of:"))
            for t in targets:
                print(f"{t.id}\t{t.label}")
            return 2
        moved = orphans.move_children(store, args.move, args.to)
        print(
            _("Conflict {move}: {moved:,} moved; the move syncs at the next sync.").format(
                move=args.move, moved=moved
            )
        )
        return 0
    return None


def cmd_conflicts(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.safetext import printable
    from observe.sync import backlog, conflicts

    chosen = [
        name
        for name in ("keep_mine", "keep_theirs", "restore", "discard", "move")
        if getattr(args, name) is not None
    ] + (["resolve_identical"] if args.resolve_identical else [])
    if len(chosen) > 1:
        raise UsageError(
            _(
                "Choose one: --keep-mine, --keep-theirs, --resolve-identical, --restore, "
                "--discard or --move."
            )
        )
    if args.to and args.move is None:
        raise UsageError(_("--to goes with --move N (the conflict whose records to move)."))
    store = open_profile(data_dir)
    try:
        if args.resolve_identical:
            done = conflicts.resolve_identical(store)
            left = backlog.count_conflicts(store)
            print(
                ngettext(
                    "Resolved {done:,} conflict whose two sides were the same; {left:,} left.",
                    "Resolved {done:,} conflicts whose two sides were the same; {left:,} left.",
                    done,
                ).format(done=done, left=left)
            )
            return 0
        code = _orphan_choice(args, store)
        if code is not None:
            return code
        if args.keep_mine is not None:
            conflicts.keep_mine(store, args.keep_mine)
            print(
                _("Conflict {keep_mine}: your copy will be sent at the next sync.").format(
                    keep_mine=args.keep_mine
                )
            )
            return 0
        if args.keep_theirs is not None:
            conflicts.keep_theirs(store, args.keep_theirs)
            print(
                _("Conflict {keep_theirs}: the server's copy is now the one here.").format(
                    keep_theirs=args.keep_theirs
                )
            )
            return 0
        items = conflicts.list_conflicts(store)
    finally:
        store.close()
    if not items:
        print(_("No conflicts."))
        return 0
    for c in items:  # record text and server reasons: no escape sequences to the terminal
        print(f"{c.id}\t{printable(c.title())}\t{printable(c.explanation(), 2000)}")
        if (entry := c.orphans) is not None:
            print(_orphan_hint(c.id, entry))
    return 0


def _orphan_hint(number: int, entry: Any) -> str:
    hint = (
        f"\t{entry.restore_label()}: --restore {number}; "
        f"{entry.discard_label()[0].lower() + entry.discard_label()[1:]}: --discard {number}"
    )
    if entry.can_move:
        hint += f"; {entry.move_label()[0].lower() + entry.move_label()[1:]}: --move {number}"
    return hint + "."
