"""Refusals that carry an HTTP status and a machine code as well as a sentence.

Core server functions (accounts, sync) raise :class:`ApiError`; the FastAPI layer turns it into
``{"error": {"code", "message"}}`` and the admin CLI prints its sentence. Either way a person
reads one sentence, never a traceback.
"""

from __future__ import annotations

from observe.errors import ObserveError


class ApiError(ObserveError):
    def __init__(
        self,
        status: int,
        code: str,
        sentence: str,
        *,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(sentence)
        self.status = status
        self.code = code
        self.headers = headers or {}
        self.exit_code = 2 if status < 500 else 1


def forbidden(sentence: str) -> ApiError:
    return ApiError(403, "forbidden", sentence)


def not_found(sentence: str) -> ApiError:
    return ApiError(404, "not_found", sentence)
