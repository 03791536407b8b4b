"""Every user-visible string is translated, in every locale, and the catalogues are current."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "directory" / "i18n" / "translations"
LOCALES = ["gu", "pl", "zh_Hans", "zh_Hant", "ur"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]")


def catalogue(locale: str):
    with open(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=locale)


def source_messages(tmp_path) -> set[str]:
    """Extract the messages from the code now, as `make i18n` does."""
    pot = tmp_path / "now.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
                    "-k", "N_", "-k", "_l", "-k", "lazy_gettext", "-k", "ngettext:1,2", "-o", str(pot),
                    str(ROOT / "directory"), str(ROOT / "templates")], check=True, capture_output=True)
    with open(pot, "rb") as handle:
        return {message.id if isinstance(message.id, str) else message.id[0] for message in read_po(handle) if message.id}


def test_catalogues_hold_every_message_in_the_code(tmp_path):
    wanted = source_messages(tmp_path)
    for locale in LOCALES:
        present = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue(locale) if m.id}
        missing = sorted(wanted - present)
        assert not missing, f"{locale} lacks {len(missing)} messages (run `make i18n`): {missing[:5]}"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated_and_none_is_fuzzy(locale):
    problems = []
    for message in catalogue(locale):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        if not all(strings):
            problems.append(f"untranslated: {message.id!r}")
        source = message.id if isinstance(message.id, str) else message.id[0]
        for translated in strings:
            if translated and set(PLACEHOLDER.findall(translated)) != set(PLACEHOLDER.findall(source)):
                problems.append(f"placeholders differ: {message.id!r}")
    assert not problems, "\n".join(problems[:20])
