"""Errors that the CLI turns into one line on stderr and exit code 2."""


class InputError(Exception):
    """The input cannot be used: missing, empty, binary, undecodable, malformed or hostile.

    The message names the problem; the CLI prefixes the path.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Rebuilt from both arguments, so that a worker process can send it back (--jobs).
        return (type(self), (self.path, self.problem))


def describe_error(exc: BaseException) -> str:
    """A library's exception as one short line for an InputError: its type and the first line of its message."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__
