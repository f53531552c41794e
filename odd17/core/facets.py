"""What a faceted list shows, for its templates: facets with their choices counted, and the chips
of the active filters (listing.py computes them for any FilterSet)."""

from dataclasses import dataclass, field

from .options import Option


@dataclass
class Choice:
    option: Option  # the vocabulary's option (value, label, group)
    count: int
    selected: bool = False

    @property
    def value(self):
        return self.option.value

    @property
    def label(self):
        return self.option.label

    @property
    def group(self):
        return self.option.group  # e.g. the région of a département, for <optgroup>

    @property
    def disabled(self):
        """Nothing to find behind it (but a selected choice stays usable, to be removed)."""
        return self.count == 0 and not self.selected


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)  # Choice objects
    more: list = field(default_factory=list)  # the least frequent choices, behind « voir tout »
    widget: str = "checkboxes"  # or "territory": a list grouped by région and a typed name or code
    errors: list = field(default_factory=list)  # why the values given in the URL were ignored
    expanded: bool = False  # shown open, not only when a value is selected

    @property
    def selected(self):
        return [option for option in self.options + self.more if option.selected]

    @property
    def groups(self):
        """[(group label, [choices])] in order, for <optgroup>s."""
        grouped = {}
        for option in self.options:
            grouped.setdefault(option.group, []).append(option)
        return list(grouped.items())


@dataclass
class Chip:
    label: str
    remove_url: str
