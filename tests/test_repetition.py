"""directory.repetition: a group's words are shown only when they say more than the
structured facts beside them."""
from directory.repetition import says_more


def test_words_already_said_by_the_structured_facts_add_nothing():
    assert not says_more("Just turn up", "Just turn up")
    assert not says_more("Everyone aged 50 and over", "Everyone welcome aged 50 and over")
    assert not says_more("£3.00 per session, £2.00 concessions",
                         "£3.00 Per session £2.00 Concession Pension Credit, Universal Credit or carers")
    assert not says_more("Every Tuesday and Thursday, 12:00 to 14:00", "Every Tuesday and Thursday", "12:00", "14:00")


def test_a_new_word_is_worth_showing():
    assert says_more("Just turn up, but ring if you need a lift", "Just turn up")
    assert says_more("Not in August", "Every Tuesday and Thursday", "12:00", "14:00")
    assert says_more("Wszyscy mile widziani", "Everyone welcome")


def test_nothing_written_says_nothing():
    assert not says_more(None, "Just turn up") and not says_more("  ", "x")
