"""Build steps pyproject.toml cannot declare: the site's files go into the package.

The repository keeps ``templates/``, ``static/`` and ``seed_data/`` at its top, where they are
edited. A wheel must carry them inside the package — as ``directory/_data/``, which
``directory/package_data.py`` looks in first — together with the compiled catalogues (.mo,
build output, not in git) and the front-end files ``scripts/build-assets.sh`` vendors from
npm into ``static/vendor/``. An editable install reads the top-level folders in place, so
there the catalogues are compiled and the assets vendored into the checkout itself.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
DATA_FOLDERS = ("templates", "static", "seed_data")
PACKAGED = Path("directory", "_data")  # directory/package_data.py: PACKAGED
CATALOGUES = Path("directory", "i18n", "translations")
VENDORED = ROOT / "static" / "vendor" / "leaflet" / "leaflet.js"  # the last package build-assets.sh copies
NOT_SHIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", ".*", "tools")  # seed_data/tools builds the seed


def compile_catalogues(translations: Path) -> None:
    """Every messages.po under ``translations`` to its .mo, as ``pybabel compile`` would
    (fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po_file in sorted(translations.glob("*/LC_MESSAGES/*.po")):
        with po_file.open("rb") as source:
            catalogue = read_po(source, locale=po_file.parts[-3])
        with po_file.with_suffix(".mo").open("wb") as target:
            write_mo(target, catalogue)


def vendor_assets(required: bool) -> None:
    """Run scripts/build-assets.sh unless static/vendor is already there. A distribution
    without the map, fonts and icons is broken, so there a failure stops the build; an
    editable install only warns (``make assets`` can follow)."""
    if VENDORED.is_file():
        return
    try:
        # build_fonts.py runs on this interpreter: the build environment has fontTools and Babel.
        subprocess.run(["bash", str(ROOT / "scripts" / "build-assets.sh")], cwd=ROOT, check=True,
                       env={**os.environ, "PYTHON": sys.executable})
    except (OSError, subprocess.CalledProcessError) as error:
        if required:
            raise SystemExit(f"static/vendor could not be built ({error}): the package would serve no map, "
                             "fonts or icons. Install npm, or run `make assets` and build again.") from error
        print(f"warning: static/vendor not built ({error}); run `make assets`", file=sys.stderr)


class BuildWithSiteFiles(build_py):
    """build_py that also puts templates, static files, sample data and compiled
    catalogues into the package."""

    def run(self) -> None:
        if self.editable_mode:  # setuptools copies nothing here: the checkout is imported in place
            compile_catalogues(ROOT / CATALOGUES)
            vendor_assets(required=False)
            return
        vendor_assets(required=True)
        super().run()
        target = Path(self.build_lib) / PACKAGED
        shutil.rmtree(target, ignore_errors=True)  # no file deleted from the checkout survives a rebuild
        for name in DATA_FOLDERS:
            shutil.copytree(ROOT / name, target / name, ignore=NOT_SHIPPED)
        compile_catalogues(Path(self.build_lib) / CATALOGUES)


class SdistWithSiteFiles(sdist):
    """sdist whose static/vendor and .mo files are made first, so that a wheel built from it
    needs neither npm nor the network (MANIFEST.in lists them)."""

    def run(self) -> None:
        vendor_assets(required=True)
        compile_catalogues(ROOT / CATALOGUES)
        super().run()


setup(cmdclass={"build_py": BuildWithSiteFiles, "sdist": SdistWithSiteFiles})
