"""Room on CPython's frame stack for a whole request: the first middleware.

CPython (3.11 to 3.13 at least) keeps Python frames in chunks of 16 KB. A call that does not fit
in the current chunk allocates a new one (mmap) and its return frees it (munmap): a loop whose
calls cross the end of a chunk pays that at every call, about 9 µs instead of 60 ns. Where the
ends fall depends on the depth of everything above the loop, so adding or removing a middleware
moved the effect from one page type to another (bench/RESULTS.md, 2026-12-04: 4 000 mmap/munmap
pairs and +60 ms on every list page, 6 000 on a rubrique page).

This middleware runs the rest of the request through a function whose frame is large (LOCALS
slots, 64 KB): CPython gives it a chunk of its own of twice that size, so every frame of the
request after it, down to a depth of about 64 KB of frames, lives in one chunk and no loop
crosses an end. Its cost: one chunk allocated per request (about 50 µs).
"""

LOCALS = 8192


def _roomy_function():
    names = " = ".join(f"_{index}" for index in range(LOCALS))
    # The names are locals (the frame has a slot for each) even if the line never runs.
    source = f"def roomy(call, request):\n    if False:\n        {names} = None\n    return call(request)\n"
    namespace = {}
    exec(compile(source, __file__, "exec"), namespace)  # the source is made above, from no input
    return namespace["roomy"]


roomy = _roomy_function()


class StackRoomMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return roomy(self.get_response, request)
