"""Reading Material's search results in a browser."""

from __future__ import annotations

import time

_READ = """() => [document.querySelector('.md-search-result__meta').textContent,
                 [...document.querySelectorAll('.md-search-result__item > a')]
                   .map(a => a.getAttribute('href'))]"""


def results_settled(page, waiting_text: str) -> list[str]:
    """The result links once they stop changing: the search worker answers
    each keystroke, and an answer to an earlier, shorter query can come
    first. waiting_text is what Material shows before a query."""
    last, same = None, 0
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        state = page.evaluate(_READ)
        same = same + 1 if state == last else 0
        last = state
        if same >= 3 and state[0].strip() != waiting_text:
            return state[1]
        time.sleep(0.05)
    return last[1] if last else []
