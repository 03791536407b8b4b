"""Where the templates, static files and sample data are: inside an installed package, or
at the top of a checkout.

The repository keeps ``templates/``, ``static/`` and ``seed_data/`` at its top, where they
are edited; building a wheel or sdist copies them into the package as ``directory/_data/``
(setup.py). A checkout or an editable install has no ``_data`` and reads the top-level
folders. Either way the folder is found from the package itself, never from the working
directory, so ``directory serve`` works from any folder.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGED = "_data"
FOLDERS = ("templates", "static", "seed_data")


def data_folder(name: str) -> Path:
    """The folder ``name`` (one of FOLDERS) of this installation."""
    if name not in FOLDERS:
        raise ValueError(f"no data folder {name!r}; the package carries {', '.join(FOLDERS)}")
    package = Path(str(files(__package__)))
    packaged = package / PACKAGED / name
    return packaged if packaged.is_dir() else package.parent / name
