"""The shared domain: the vocabularies every resource is tagged with, and the Resource itself."""

from .changes import ContentVersion
from .resource import Resource, ResourceQuerySet
from .vocabularies import (
    Axis,
    Criterion,
    Domain,
    Goal,
    Kind,
    Metier,
    Organisation,
    Profile,
    Rubrique,
    Target,
    Territory,
)

__all__ = [
    "Axis",
    "ContentVersion",
    "Criterion",
    "Domain",
    "Goal",
    "Kind",
    "Metier",
    "Organisation",
    "Profile",
    "Resource",
    "ResourceQuerySet",
    "Rubrique",
    "Target",
    "Territory",
]
