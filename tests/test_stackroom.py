"""The first middleware runs each request in a frame that gets a chunk of CPython's frame stack of its
own (odd17/stackroom.py; measured with strace in bench/RESULTS.md, 2026-12-04)."""

from django.conf import settings

from odd17 import stackroom


def test_it_comes_first_so_that_every_frame_of_the_request_is_below_it():
    assert settings.MIDDLEWARE[0] == "odd17.stackroom.StackRoomMiddleware"


def test_its_frame_is_larger_than_a_chunk_of_frames():
    code = stackroom.roomy.__code__
    assert code.co_nlocals >= stackroom.LOCALS
    assert code.co_nlocals * 8 > 4 * 16 * 1024  # CPython's chunks are 16 KB: it needs one of its own


def test_it_returns_what_the_rest_of_the_request_returns(rf):
    request = rf.get("/")
    assert stackroom.StackRoomMiddleware(lambda r: ("réponse", r))(request) == ("réponse", request)
