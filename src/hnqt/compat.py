"""The private APIs hnqt leans on, in one place, each with its reason and a fallback where one
exists. Upgrading Typer or ruamel.yaml starts here (README: the suite against the newest Typer).

- `_blake2.blake2b`: what `hashlib.blake2b` wraps; importing `hashlib` loads OpenSSL (~5 ms at
  every start). Fallback: `hashlib.blake2b`, on a Python built without the module.
- `typer._click`: the click that Typer (≥ 0.26) vendors and does not re-export; hnqt's help pages
  and usage errors subclass its `Context`/`HelpFormatter` and catch `NoArgsIsHelpError`. No
  fallback: Typer is pinned below the next minor version (pyproject.toml). Loaded on first use,
  so the registry's modules (which need only `blake2b`) do not start Typer.
- `_ruamel_yaml.CParser`: libyaml's parser from ruamel.yaml.clib, used directly because the `YAML`
  facade builds a new loader class for every file (ruamel.yaml.cyaml re-exports it undeclared).
- `syncfs(2)` through ctypes: Linux flushes one file system in one call, where a batch of files
  would otherwise take an `fsync` (a journal commit) each; the os module does not offer it.
  Fallback: `fsync` per file, elsewhere or where the C library lacks it.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without _blake2
    from hashlib import blake2b

if TYPE_CHECKING:
    from typer._click.core import Context as Context
    from typer._click.exceptions import ClickException as ClickException
    from typer._click.exceptions import NoArgsIsHelpError as NoArgsIsHelpError
    from typer._click.formatting import HelpFormatter as HelpFormatter

__all__ = [
    "ClickException",
    "Context",
    "HelpFormatter",
    "NoArgsIsHelpError",
    "blake2b",
    "filesystem_sync",
    "yaml_parser",
]

_CLICK = {
    "ClickException": "typer._click.exceptions",
    "Context": "typer._click.core",
    "HelpFormatter": "typer._click.formatting",
    "NoArgsIsHelpError": "typer._click.exceptions",
}


def __getattr__(name: str) -> Any:
    if name in _CLICK:
        return getattr(importlib.import_module(_CLICK[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def yaml_parser(text: str) -> Any:
    """libyaml's parser over a text (call `check_event`/`get_event`, then `dispose`)."""
    from _ruamel_yaml import CParser

    return CParser(text)


@functools.cache
def filesystem_sync() -> Callable[[int], None] | None:
    """syncfs(2) of the file system holding an open descriptor, raising OSError as os does;
    None where there is none (then each file is flushed with fsync)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes
    import os

    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None

    def sync(descriptor: int) -> None:
        if syncfs(descriptor) != 0:
            number = ctypes.get_errno()
            raise OSError(number, os.strerror(number))

    return sync
