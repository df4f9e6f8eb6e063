"""Errors that the CLI turns into one line on stderr and exit code 2."""


class InputError(Exception):
    """The input cannot be used: missing, empty, binary, undecodable, malformed or hostile.

    The message names the problem; the CLI prefixes the path.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
