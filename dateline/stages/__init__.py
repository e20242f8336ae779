"""The built-in stages, registered in the order they run.

Each module registers its stage with @stage(...); this list is the one place that says
what runs and in what order. Entities come before statements because speakers are
entities; quoted_times revisits times inside statements once the statements are known;
figures and events come after them because they point to places, times and statements;
sentences, last, gives each statement, event and figure the sentence that holds it.
"""
from . import document, entities, events, figures, places, quoted_times, sentences, statements, times  # noqa: F401  (imports register the stages)

DEFAULT_STAGES: tuple[str, ...] = ("document", "entities", "places", "times", "statements", "quoted_times",
                                  "figures", "events", "sentences")
