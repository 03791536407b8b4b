"""Which language untagged listing text is in (directory.i18n.detect), on real sentences."""
import pytest

from directory.i18n.detect import corrected_locale, detect_language, text_direction, text_locale


@pytest.mark.parametrize("text, locale", [
    ("Spotkania przy kawie", "pl"),
    ("Cotygodniowe spotkania przy kawie i cieście dla seniorów. Można porozmawiać i poznać sąsiadów.", "pl"),
    ("Klub obiadowy", "pl"),
    ("Nauka obsługi komputera dla początkujących w każdy czwartek w bibliotece.", "pl"),
    ("Chair yoga for older people", "en"),
    ("A two-course hot meal every Friday with a raffle and a chat afterwards.", "en"),
    ("Computer help for beginners every Thursday at the library.", "en"),
])
def test_latin_script_text_is_told_english_or_polish(text, locale):
    detection = detect_language(text)
    assert (detection.locale, detection.confident, detection.script) == (locale, True, "latin")


@pytest.mark.parametrize("text", ["Yoga", "Tai chi", "Joga", "Lunch club", "", None, "12:30", "☕"])
def test_short_or_ambiguous_text_falls_back_to_english_and_says_it_is_not_sure(text):
    detection = detect_language(text)
    assert (detection.locale, detection.confident) == ("en", False)


def test_one_polish_only_letter_is_enough_in_a_short_name():
    assert text_locale("Łucznictwo") == "pl"


@pytest.mark.parametrize("text, locale", [
    ("વરિષ્ઠ નાગરિકો માટે ભોજન ક્લબ", "gu"),
    ("દર ગુરુવારે બપોરે ગરમ શાકાહારી ભોજન અને મિત્રો સાથે વાતચીત.", "gu"),
    ("بزرگوں کے لیے لنچ کلب، ہر جمعرات کو گرم کھانا۔", "ur"),
])
def test_a_script_of_its_own_decides(text, locale):
    detection = detect_language(text)
    assert (detection.locale, detection.confident) == (locale, True)


@pytest.mark.parametrize("text, locale", [
    ("太極拳晨練班", "zh_Hant"),
    ("每週六早上在公園練習太極拳，適合初學者和長者。", "zh_Hant"),
    ("長者電腦班", "zh_Hant"),
    ("太极拳晨练班", "zh_Hans"),
    ("每周二下午在社区中心一起喝茶聊天，认识新朋友。", "zh_Hans"),
    ("华人义工小组", "zh_Hans"),
])
def test_chinese_is_told_simplified_or_traditional_by_its_characters(text, locale):
    detection = detect_language(text)
    assert (detection.locale, detection.confident, detection.script) == (locale, True, "han")


def test_chinese_with_only_characters_common_to_both_standards_is_not_decisive():
    detection = detect_language("茶聚")  # the same in both
    assert (detection.locale, detection.confident) == ("zh_Hans", False)


def test_name_and_description_are_read_together():
    assert text_locale("Joga", "Zajęcia jogi na krzesłach dla seniorów, w każdą środę rano.") == "pl"
    assert text_locale("太極拳", "每週六早上在公園練習，適合長者。") == "zh_Hant"


def test_a_chosen_language_stands_unless_the_text_is_plainly_another():
    assert corrected_locale("en", "મંદિર ભોજન ક્લબ", "દર ગુરુવારે ગરમ શાકાહારી ભોજન અને ભજન.") == "gu"
    assert corrected_locale("en", "Spacer z kijkami", "Spacerujemy razem wzdłuż rzeki Soar, a potem pijemy herbatę.") == "pl"
    assert corrected_locale("gu", "Garba night") == "gu"          # too short to overrule
    assert corrected_locale("zh_Hant", "茶聚") == "zh_Hant"         # characters common to both
    assert corrected_locale("pl", "Spotkania przy kawie") == "pl"


def test_urdu_runs_right_to_left():
    assert [text_direction(code) for code in ("ur", "en", "gu", "zh_Hant", None)] == ["rtl", "ltr", "ltr", "ltr", "ltr"]
