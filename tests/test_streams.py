import threading

import pytest

from marsad.pipeline import local_engine
from marsad.streams import Stream


def test_a_stream_gives_each_keys_last_result() -> None:
    with Stream(local_engine, lambda n: n * n) as stream:
        for key, n in (("a", 2), ("b", 3), ("a", 4)):
            stream.put(key, n)
        assert stream.results() == {"a": 16, "b": 9}


def test_the_engine_starts_on_the_first_item_while_the_others_are_being_made() -> None:
    first_done = threading.Event()

    def square(n: int) -> int:
        first_done.set()
        return n * n

    with Stream(local_engine, square) as stream:
        stream.put("a", 2)
        assert first_done.wait(timeout=20)  # before the second item is handed in or the results asked for
        stream.put("b", 3)
        assert stream.results() == {"a": 4, "b": 9}


def test_what_fails_on_the_engine_is_raised_by_results() -> None:
    with Stream(local_engine, lambda n: 1 // n) as stream:
        stream.put("a", 0)
        with pytest.raises(ZeroDivisionError):
            stream.results()
