"""The shared domain: the vocabularies every resource is tagged with, and the Resource itself."""

from .changes import ContentVersion
from .publishing import Publishable, PublishableQuerySet, Status
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
    "Publishable",
    "PublishableQuerySet",
    "Resource",
    "ResourceQuerySet",
    "Rubrique",
    "Status",
    "Target",
    "Territory",
]
