"""IdSet: a set of row ids (resources, catalyseurs…), intersected, joined and counted in microseconds.

The facet index keeps one per facet value; a list's results are one. Inside, bit `id` of a Python
integer is set for each id (`&`, `|` and `bit_count()` run in C over 50 000 ids at a time); no
caller outside this module sees bits.
"""


class IdSet:
    __slots__ = ("bits",)

    def __init__(self, bits=0):
        self.bits = bits

    @classmethod
    def of(cls, ids):
        """The set of these ids (sized once: a list page builds one of up to 100 000 ids)."""
        ids = list(ids)
        flags = bytearray(max(ids, default=0) // 8 + 1)
        for pk in ids:
            flags[pk >> 3] |= 1 << (pk & 7)
        return cls(int.from_bytes(flags, "little"))

    @classmethod
    def union(cls, sets):
        bits = 0
        for member in sets:
            bits |= member.bits
        return cls(bits)

    def __and__(self, other):
        return IdSet(self.bits & other.bits)

    def __or__(self, other):
        return IdSet(self.bits | other.bits)

    def __sub__(self, other):
        return IdSet(self.bits & ~other.bits)

    def __len__(self):
        return self.bits.bit_count()

    def __bool__(self):
        return bool(self.bits)

    def __eq__(self, other):
        return isinstance(other, IdSet) and self.bits == other.bits

    def __hash__(self):
        return hash(self.bits)

    def __contains__(self, pk):
        return bool(self.bits >> pk & 1)

    def __iter__(self):
        flags = self.bits.to_bytes((self.bits.bit_length() + 7) // 8, "little")
        for index, byte in enumerate(flags):
            while byte:
                low = byte & -byte
                yield index * 8 + low.bit_length() - 1
                byte ^= low

    def window(self, order, bottom, top):
        """The ids of this set at places `bottom` to `top` (excluded) of `order`, a sequence of ids
        (every object of a table in a list's order): a page, read without the database."""
        flags = self.bits.to_bytes((self.bits.bit_length() + 7) // 8, "little")
        size, found, place = len(flags), [], 0
        for pk in order:
            if pk >> 3 < size and flags[pk >> 3] >> (pk & 7) & 1:
                if place >= bottom:
                    found.append(pk)
                place += 1
                if place >= top:
                    break
        return found

    def keep(self, mapping):
        """`mapping` ({id: …}) restricted to the ids of this set."""
        size = max(mapping, default=0) // 8 + 1
        flags = (self.bits & ((1 << size * 8) - 1)).to_bytes(size, "little")
        return {pk: value for pk, value in mapping.items() if flags[pk >> 3] >> (pk & 7) & 1}

    def __repr__(self):
        return f"IdSet({len(self)} ids)"


class Builder:
    """Collects ids one by one (rows read in chunks), then gives the IdSet."""

    __slots__ = ("flags",)

    def __init__(self):
        self.flags = bytearray()

    def add(self, pk):
        if pk >> 3 >= len(self.flags):
            self.flags.extend(bytes((pk >> 3) + 1 - len(self.flags)))
        self.flags[pk >> 3] |= 1 << (pk & 7)

    def build(self):
        return IdSet(int.from_bytes(self.flags, "little"))
