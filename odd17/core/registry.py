"""What each app of the portal declares on its AppConfig, read here for the core.

An app whose content the portal shows subclasses `PortalAppConfig` and declares, as class
attributes (the core never names an app):

- `public_models`: the models its public pages show ("Story", or "app.Model" for another app's
  model, e.g. taggit's). Their changes retire the cached pages and counts (freshness.py, by
  signals) and change the database's record of change (changes.py, by triggers). Anything else
  (a visitor's answer, a message, history rows) is left out, so that writing it empties no cache.
- `content_files`: [(file pattern in fixtures/, model name)], loaded in order by load_content,
  apps in the order of INSTALLED_APPS.
- `search_section`: the dotted path of `section(text) -> group` for the global search page.
- `demo_generators`: {name: (dotted path of `generator(count, rng)`, help text)}, the options of
  `manage.py seed_demo`.
- `rubrique_pages`: {code: (label, dotted path of `view(request, context)`)}, the pages of their own
  a rubrique can choose (its field `page`, a stable code an editor picks as flatpages pick a
  template; renaming the rubrique keeps its page).
- `axis_includes`: {axis: template}, blocks this app adds to an axis page.
- `story_url_name`: the URL name (taking `slug`) of the page that tells a resource of a kind with
  `Kind.tells_story`; that page is then the resource's one address (Resource.get_absolute_url).
"""

import functools

from django.apps import AppConfig, apps
from django.utils.module_loading import import_string

# Public models that are not vocabularies but whose rows are options of the filters, as vocabularies are.
OPTION_MODELS = {"taggit.Tag"}


def gives_options(model):
    from .models.vocabularies import Vocabulary

    return issubclass(model, Vocabulary) or model._meta.label in OPTION_MODELS


class PortalAppConfig(AppConfig):
    public_models = ()
    content_files = ()
    search_section = None
    demo_generators = {}
    rubrique_pages = {}
    axis_includes = {}
    story_url_name = None

    def model_named(self, name):
        return apps.get_model(name) if "." in name else self.get_model(name)

    def ready(self):
        from . import freshness

        models = [self.model_named(name) for name in self.public_models]
        freshness.watch([model for model in models if not gives_options(model)])
        freshness.watch([model for model in models if gives_options(model)], freshness.VOCABULARY)


def portal_apps():
    return [config for config in apps.get_app_configs() if isinstance(config, PortalAppConfig)]


def public_models():
    return [config.model_named(name) for config in portal_apps() for name in config.public_models]


def content_files():
    """[(pattern, model)] of every app, in load order."""
    return [
        (pattern, config.model_named(name))
        for config in portal_apps()
        for pattern, name in config.content_files
    ]


def search_sections():
    return [import_string(config.search_section) for config in portal_apps() if config.search_section]


def demo_generators():
    """{name: (generator, help text)}."""
    return {
        name: (import_string(path), help_text)
        for config in portal_apps()
        for name, (path, help_text) in config.demo_generators.items()
    }


@functools.cache  # the apps' declarations do not change once they are loaded
def rubrique_pages():
    """{code: (label, view path)} of every app."""
    return {code: page for config in portal_apps() for code, page in config.rubrique_pages.items()}


def rubrique_page_choices():
    """The choices of Rubrique.page (a callable: apps add pages without a migration of the core)."""
    return [
        ("", "Liste de ses ressources"),
        *((code, label) for code, (label, _) in rubrique_pages().items()),
    ]


def rubrique_page_view(code):
    return import_string(rubrique_pages()[code][1])


def axis_includes(axis):
    return [config.axis_includes[axis] for config in portal_apps() if axis in config.axis_includes]


@functools.cache  # read by Resource.get_absolute_url, for every card of every page
def story_url_name():
    return next((config.story_url_name for config in portal_apps() if config.story_url_name), None)
