"""An invented story for the corpus pages (Dateline's own words, no real article): four
outlets tell the same days in Hama and Idlib; two give tolls for one day's fighting that
disagree (a figure contradiction); the army denies that rebels entered Hama and the next
day's reports say they did (a denial, its claim refuted); one report recalls an uprising
of years before (background); one names only a country; one outlet writes markup into
every field it can."""
from __future__ import annotations

HOSTILE_OUTLET = "<b>Magpie</b> <script>window.__pwned='outlet'</script>Gazette"
HOSTILE_TITLE = "Hama: <img src=x onerror=\"window.__pwned='title'\">"

STORY = [
    {"id": "st-1", "source": "Kestrel Daily", "published": "2031-06-02", "title": "Army denies rebels in Hama",
     "url": "https://example.org/kestrel/1",
     "text": "The army denied on Sunday that rebels had entered Hama. “Hama is fully under our control,” army "
             "spokesman Colonel Ruslan Terzi told state television.\nAt least 30 people were killed in fighting in "
             "Hama on Saturday, a monitoring group said."},
    {"id": "st-2", "source": "Harrow Wire", "published": "2031-06-03", "title": "Rebels take Hama",
     "url": "https://example.org/harrow/2",
     "text": "Rebel fighters entered Hama on Sunday, residents said, and the army withdrew from the city on "
             "Monday.\nThe director of the city's main hospital said 9 people were killed in fighting in Hama on "
             "Saturday."},
    {"id": "st-3", "source": "Osprey News", "published": "2031-06-03", "title": "Hama falls",
     "url": "https://example.org/osprey/3",
     "text": "Rebels entered Hama on Sunday after a day of heavy fighting, witnesses said.\nAirstrikes hit the "
             "city of Idlib on Monday, killing five people, rescue workers said.\nIt began years ago: thousands of "
             "people protested in Daraa on 18 March 2011."},
    {"id": "st-4", "source": "Larkspur Post", "published": "2031-06-04", "title": "Strikes on Idlib",
     "url": "https://example.org/larkspur/4",
     "text": "Airstrikes hit Idlib on Monday, killing five civilians, rescue workers said.\nTurkey sent more "
             "troops to Syria on Tuesday, its defence ministry said."},
    {"id": "st-5", "source": HOSTILE_OUTLET, "published": "2031-06-04", "title": HOSTILE_TITLE,
     "url": "javascript:window.__pwned='url'",
     "text": "Rebels entered Hama on Sunday, said <b>Nadia</b> Orlov, a spokeswoman for the <i>rebel</i> council. "
             "“We hold <script>window.__pwned='quote'</script> every street,” Orlov said."},
]
