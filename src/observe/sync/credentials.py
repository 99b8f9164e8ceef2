"""Where the device token lives: the OS keyring, or a file only its owner can read.

The token is as good as a password for this device, so it never goes into the database (which
gets copied into backups and exports). The keyring entry is service ``Observe``, user
``<server URL> <email>``. A machine without a keyring back-end (a headless Linux box, a locked
down lab laptop) gets ``<profile>/credentials.json`` created with mode 0600.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

SERVICE = "Observe"
FILE_NAME = "credentials.json"
KEYRING = "keyring"
FILE = "file"


def account_name(server_url: str, email: str) -> str:
    return f"{server_url} {email.strip().lower()}"


class Credentials:
    """Device tokens of one profile."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME

    # -- public -----------------------------------------------------------------------------

    def save(self, server_url: str, email: str, token: str) -> str:
        """Stores the token; returns where (``"keyring"`` or ``"file"``)."""
        name = account_name(server_url, email)
        try:
            import keyring

            keyring.set_password(SERVICE, name, token)
        except Exception as exc:  # no back-end, locked keyring, D-Bus trouble: use the file
            log.info("keyring unavailable (%r); storing the device token in %s", exc, self.path)
            self._write_file(name, token)
            return FILE
        self._drop_from_file(name)  # a token moved into the keyring must not linger on disk
        return KEYRING

    def load(self, server_url: str, email: str) -> str | None:
        name = account_name(server_url, email)
        try:
            import keyring

            token = keyring.get_password(SERVICE, name)
            if token:
                return token
        except Exception as exc:
            log.info("keyring unavailable (%r); looking in %s", exc, self.path)
        return self._read_file().get(name)

    def delete(self, server_url: str, email: str) -> None:
        name = account_name(server_url, email)
        try:
            import keyring

            keyring.delete_password(SERVICE, name)
        except Exception as exc:
            log.debug("nothing deleted from the keyring (%r)", exc)
        self._drop_from_file(name)

    # -- the 0600 file ----------------------------------------------------------------------

    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("can't read %s (%r)", self.path, exc)
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write_file(self, name: str, token: str | None) -> None:
        data = self._read_file()
        if token is None:
            if name not in data:
                return
            data.pop(name)
        else:
            data[name] = token
        if not data:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
            return
        tmp = self.path.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        # Created 0600 from the start: a chmod after writing would leave a moment when the
        # token is readable by others.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise

    def _drop_from_file(self, name: str) -> None:
        if self.path.exists():
            self._write_file(name, None)
