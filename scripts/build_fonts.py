"""Vendor the Noto web fonts into static/vendor/fonts: only the pieces a page needs, subset
per script so that a page in one language downloads one language's glyphs.

    python scripts/build_fonts.py NODE_MODULES/@fontsource  OUTPUT_DIR

Run by scripts/build-assets.sh after ``npm ci``. Why each piece (issue 17, point 13: ``/gu/``
weighed 1.1 MB, a Traditional Chinese search 2.9 MB, almost all fonts):

* @fontsource ships every family cut into subsets, each with its CSS ``unicode-range``; a
  browser fetches a subset only when the page shows one of its characters. Only the subsets
  our languages use are kept (Latin and Latin Extended for English and Polish, Gujarati,
  Arabic for Urdu), in regular and bold.
* Chinese text touched ~40 of the ~100 frequency-ordered slices per weight, and their
  ``unicode-range`` lists alone made fonts.css 430 KB. So the characters of our Chinese
  catalogues, Babel's calendar and language names and the sample data are cut at build time
  with fontTools into one font per weight ("Noto Sans SC UI", "Noto Sans TC UI"), in
  fonts.css. The slices stay, regular only (bold is synthesised), as the fallback for text a
  group writes later, in zh-hans.css and zh-hant.css, which only Chinese pages link.
* The language switcher names each language in its own script on every page; those few
  characters get their own tiny fonts ("… Names"), so a Gujarati page does not fetch the
  Urdu and Chinese fonts for "اردو" and "中文".

The font-family names are what static/css/site.css and static/css/sheet.css use.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = (400, 700)
CATALOGUES = ROOT / "directory" / "i18n" / "translations"
SEED_DATA = ROOT / "seed_data"
FIRST_CJK = 0x2E80  # CJK radicals onwards (with full-width punctuation): Latin stays in Noto Sans


@dataclass(frozen=True)
class Family:
    package: str              # @fontsource/<package>
    subsets: tuple[str, ...]  # @fontsource subset names kept in fonts.css, regular and bold
    whole_script: str = ""    # the subset holding the whole script, cut down by fontTools
    ui_locale: str = ""       # catalogue whose characters make the "<family> UI" font
    names_locale: str = ""    # site locale whose native name makes the "<family> Names" font
    slices_css: str = ""      # where the numbered slices go (regular only): linked by that locale's pages


FAMILIES = (
    Family("noto-sans", ("latin", "latin-ext")),
    Family("noto-sans-gujarati", ("gujarati",), whole_script="gujarati", names_locale="gu"),
    Family("noto-nastaliq-urdu", ("arabic",), whole_script="arabic", names_locale="ur"),
    Family("noto-sans-sc", (), whole_script="chinese-simplified", ui_locale="zh_Hans", names_locale="zh_Hans",
           slices_css="zh-hans.css"),
    Family("noto-sans-tc", (), whole_script="chinese-traditional", ui_locale="zh_Hant", names_locale="zh_Hant",
           slices_css="zh-hant.css"),
)

# Which fonts each language's text is set in, written after the faces into fonts.css so that
# every page linking it (site, large print, sheet on screen) agrees. Latin comes first: digits
# and Latin words inside other scripts read in Noto Sans. The "UI" cut comes before the slices.
DEFAULT_STACK = ("Noto Sans", "Noto Sans Gujarati", "Noto Nastaliq Urdu", "Noto Sans SC UI", "Noto Sans SC",
                 "Noto Sans TC UI", "Noto Sans TC")
STACKS = {
    "gu": ("Noto Sans", "Noto Sans Gujarati"),
    "ur": ("Noto Sans", "Noto Nastaliq Urdu", "Noto Sans Arabic"),
    "zh-Hans": ("Noto Sans", "Noto Sans SC UI", "Noto Sans SC"),
    "zh-Hant": ("Noto Sans", "Noto Sans TC UI", "Noto Sans TC"),
}
# A link to another language (it has hreflang) is only its native name: the "Names" cut first.
# Only there: a word shaped across two fonts (Gujarati conjuncts, Urdu joining) falls apart.
# Noto Sans still comes first: the first font holding a space sets the line's metrics, and a
# browser fetches it whatever the text (a Chinese slice, were the "Names" cut first).
NAME_STACKS = {
    "gu": ("Noto Sans", "Noto Sans Gujarati Names", "Noto Sans Gujarati"),
    "ur": ("Noto Sans", "Noto Nastaliq Urdu Names", "Noto Nastaliq Urdu"),
    "zh-Hans": ("Noto Sans", "Noto Sans SC Names", "Noto Sans SC"),
    "zh-Hant": ("Noto Sans", "Noto Sans TC Names", "Noto Sans TC"),
}
# Full-width punctuation Chinese text uses whether or not our catalogues happen to.
CJK_PUNCTUATION = "，。、：；？！（）「」『』《》〈〉【】…—～·"
# Spoken languages a listing can name (Babel prints their names in the reader's language).
LANGUAGE_NAMES_FOR = ("en", "gu", "pa", "hi", "ur", "bn", "pl", "zh", "yue", "so", "ar", "ta", "uk", "ro", "ku", "fa",
                      "ps", "sq", "ti", "am", "tr", "pt", "es", "fr", "it", "de", "ru", "lt", "lv", "sk", "cs", "ne",
                      "te", "ml", "kn", "mr", "si", "my", "th", "vi", "ko", "ja", "sw", "yo", "ig", "ha", "zu", "bg",
                      "hu", "el", "nl", "sv", "da", "no", "fi", "he", "ms", "id", "tl", "sd")
SYSTEM_FALLBACK = ("system-ui", "sans-serif")

FACE = re.compile(r"/\* (?P<name>[^*]+?) \*/\s*(?P<rule>@font-face \{.*?\})", re.S)


def site_locales():
    """directory/i18n/locales.py loaded on its own: a build has no Flask to import the package."""
    spec = importlib.util.spec_from_file_location("site_locales", ROOT / "directory" / "i18n" / "locales.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses looks the module up while building the class
    spec.loader.exec_module(module)
    return module.BY_CODE


def catalogue_text(locale: str) -> str:
    """Every translation in a catalogue (msgstr lines, plurals included)."""
    from babel.messages.pofile import read_po

    with (CATALOGUES / locale / "LC_MESSAGES" / "messages.po").open("rb") as source:
        catalogue = read_po(source, locale=locale)
    parts = []
    for message in catalogue:
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        parts.extend(text for text in strings if text)
    return "".join(parts)


def calendar_text(locale: str) -> str:
    """Day and month names and date patterns Babel prints on the pages (dates on listings)."""
    from babel import Locale

    cldr = Locale.parse(locale)
    names = [name for context in ("format", "stand-alone") for width in ("wide", "abbreviated")
             for table in (cldr.days, cldr.months) for name in table[context][width].values()]
    patterns = [str(cldr.date_formats[key]) for key in ("full", "long", "medium")]
    languages = [cldr.languages.get(code, "") for code in LANGUAGE_NAMES_FOR]
    return "".join(names + patterns + languages + list(cldr.periods.values())) + CJK_PUNCTUATION


def seed_text() -> str:
    """Every string in the sample directory (listings are written in all our languages)."""
    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    return "".join(text for path in sorted(SEED_DATA.rglob("*.json"))
                   for text in strings(json.loads(path.read_text(encoding="utf-8"))))


def cut(source: Path, target: Path, text: str, family_name: str) -> set[int]:
    """Write the glyphs ``source`` has for ``text`` (with what shaping needs) to ``target`` as
    WOFF2, renamed ``family_name``; return the code points the new font covers."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    wanted = {ord(char) for char in text} & set(font.getBestCmap())
    if not wanted:
        return set()
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # Gujarati conjuncts and Nastaliq joining need every feature
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = family_name
    target.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(target)
    return wanted


def unicode_range(points: set[int]) -> str:
    """``U+4e2d,U+6587-6588`` for a set of code points (runs merged)."""
    runs, ordered = [], sorted(points)
    start = previous = ordered[0]
    for point in ordered[1:] + [None]:
        if point is not None and point == previous + 1:
            previous = point
            continue
        runs.append(f"U+{start:x}" if start == previous else f"U+{start:x}-{previous:x}")
        if point is not None:
            start = previous = point
    return ",".join(runs)


def face(family_name: str, weight: int, url: str, points: set[int]) -> str:
    return (f"@font-face {{\n  font-family: '{family_name}';\n  font-style: normal;\n  font-display: swap;\n"
            f"  font-weight: {weight};\n  src: url({url}) format('woff2');\n"
            f"  unicode-range: {unicode_range(points)};\n}}\n")


def kept_faces(family: Family, source: Path, output: Path, weight: int, slices: bool) -> list[str]:
    """The @fontsource faces of one weight this site keeps (the named subsets, or the numbered
    slices), their files copied to ``output``."""
    rules = []
    css = (source / f"{weight}.css").read_text(encoding="utf-8")
    for match in FACE.finditer(css):
        subset_name = match["name"].removeprefix(family.package + "-").removesuffix(f"-{weight}-normal")
        is_slice = subset_name.startswith("[")
        if not ((is_slice and slices) or (not slices and subset_name in family.subsets)):
            continue
        rule = re.sub(r", url\(\./files/[^)]*\.woff\) format\('woff'\)", "", match["rule"])
        file_name = re.search(r"url\(\./files/([^)]+\.woff2)\)", rule)[1]
        shutil.copy2(source / "files" / file_name, output / family.package / "files" / file_name)
        rules.append(rule.replace("url(./files/", f"url(./{family.package}/files/") + "\n")
    return rules


def stacks_css() -> str:
    def stack(families) -> str:
        return ", ".join([f'"{name}"' for name in families] + list(SYSTEM_FALLBACK))

    rules = [f":root {{ font-family: {stack(DEFAULT_STACK)}; }}"]
    rules += [f":lang({lang}) {{ font-family: {stack(families)}; }}" for lang, families in STACKS.items()]
    rules += [f"[hreflang]:lang({lang}) {{ font-family: {stack(families)}; }}" for lang, families in NAME_STACKS.items()]
    return "\n".join(["/* Each language's own fonts (scripts/build_fonts.py: STACKS). */", *rules]) + "\n"


def build(fontsource: Path, output: Path) -> None:
    """Cut the fonts in parallel (one process per core: the Chinese cuts take most of the
    ~30 s a fresh checkout's build spends here), then write fonts.css in a fixed order."""
    locales = site_locales()
    ui_text = {locale: catalogue_text(locale) + calendar_text(locale) + seed_text()
               for locale in {family.ui_locale for family in FAMILIES if family.ui_locale}}
    css: list = ["/* Made by scripts/build_fonts.py from @fontsource packages (OFL-1.1): see its docstring. */\n"]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for family in FAMILIES:
            source = fontsource / family.package
            (output / family.package / "files").mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / "LICENSE", output / family.package / "LICENSE")
            display_name = json.loads((source / "metadata.json").read_text(encoding="utf-8"))["family"]
            for weight in WEIGHTS:
                whole = source / "files" / f"{family.package}-{family.whole_script}-{weight}-normal.woff2"
                cuts = []
                if family.names_locale:
                    cuts.append((f"{display_name} Names", locales[family.names_locale].native_name, "names"))
                if family.ui_locale:
                    text = "".join(char for char in ui_text[family.ui_locale] if ord(char) >= FIRST_CJK)
                    cuts.append((f"{display_name} UI", text, "ui"))
                for family_name, text, suffix in cuts:
                    file_name = f"{family.package}-{suffix}-{weight}-normal.woff2"
                    points = pool.submit(cut, whole, output / family.package / "files" / file_name, text, family_name)
                    css.append((family_name, weight, f"./{family.package}/files/{file_name}", points))
                css.extend(kept_faces(family, source, output, weight, slices=False))
            if family.slices_css:
                heading = (f"/* {display_name}: the rest of the script, for text outside the UI cut "
                           "(scripts/build_fonts.py). */\n")
                (output / family.slices_css).write_text(
                    heading + "\n".join(kept_faces(family, source, output, WEIGHTS[0], slices=True)), encoding="utf-8")
        css = [_written(entry) for entry in css]
    css = [entry for entry in css if entry]
    css.append(stacks_css())
    (output / "fonts.css").write_text("\n".join(css), encoding="utf-8")


def _written(entry) -> str:
    """A line of fonts.css, or a cut's face once its process has made it ("" if the font had
    none of the characters)."""
    if isinstance(entry, str):
        return entry
    family_name, weight, url, points = entry
    points = points.result()
    return face(family_name, weight, url, points) if points else ""


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    build(Path(sys.argv[1]), Path(sys.argv[2]))
