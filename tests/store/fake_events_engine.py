"""The fake engine (fake_engine.py) plus PLOVER events, so store tests need no event coder.

An event is ``Actor verb Recipient[ in Place][ on YYYY-MM-DD]`` with a known actor name and
verb (VERBS); "may have" before the verb makes it hypothetical.  An event inside a statement's
quote is that statement's, reported by its speaker.  Without "on DATE" the event is dated by the
publication date (date_from "published").  "Protesters" is an actor with no entity.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))  # loaded by file path, maybe in a worker process
from fake_engine import FakeExtractor  # noqa: E402

from onrecord.records import Article, Entity, Event, EventActor, Place, TextSpan  # noqa: E402

ACTORS = {"Russia": ("RUS", "government"), "Ukraine": ("UKR", "government"), "Poland": ("POL", "government"),
          "NATO": (None, "igo"), "Protesters": ("UKR", "civilian")}
NO_ENTITY = {"Protesters"}
VERBS = {"attacked": ("ASSAULT", ()), "threatened": ("THREATEN", ()), "accused": ("ACCUSE", ()),
         "met": ("CONSULT", ()), "visited": ("CONSULT", ("visit",)), "sanctioned": ("SANCTION", ())}
PLACES = {"Kyiv": (703448, "Kyiv", "UKR", "Kyiv City", 50.45466, 30.5238, "city"),
          "Geneva": (2660646, "Geneva", "CHE", "Geneva", 46.20222, 6.14569, "city")}
_NAMES = "|".join(map(re.escape, ACTORS))
EVENT = re.compile(rf"\b(?P<a>{_NAMES}) (?P<may>may have )?(?P<verb>{'|'.join(VERBS)}) (?P<r>{_NAMES})"
                   rf"(?: in (?P<place>{'|'.join(PLACES)}))?(?: on (?P<date>\d{{4}}-\d{{2}}-\d{{2}}))?")


class FakeEventsExtractor(FakeExtractor):
    def extract(self, text: str, meta: Any) -> Article:
        art = super().extract(text, meta)
        entities = {e.name: e for e in art.entities}

        def party(name: str, start: int) -> EventActor:
            country, sector = ACTORS[name]
            if name in NO_ENTITY:
                return EventActor(start, start + len(name), name, None, None, country, sector)
            ent = entities.setdefault(name, Entity(f"e{len(entities) + 1}", name, "organization",
                                                   (TextSpan(start, start + len(name), name),)))
            return EventActor(start, start + len(name), name, ent.id, ent.name, country, sector)

        events = []
        for i, m in enumerate(EVENT.finditer(text), start=1):
            s_start = text.rfind(". ", 0, m.start()) + 2 if text.rfind(". ", 0, m.start()) >= 0 else 0
            s_end = text.find(".", m.end())
            s_end = len(text) if s_end < 0 else s_end + 1
            etype, modes = VERBS[m["verb"]]
            place = None
            if m["place"]:
                gid, pname, country, admin1, lat, lon, feature = PLACES[m["place"]]
                place = Place(m.start("place"), m.end("place"), m["place"], gid, pname, country, admin1, lat, lon,
                              feature)
            st = next((s for s in art.statements if s.content.start <= m.start() < s.content.end), None)
            events.append(Event(
                id=f"ev{i}", type=etype, trigger=TextSpan(m.start("verb"), m.end("verb"), m["verb"]),
                sentence=TextSpan(s_start, s_end, text[s_start:s_end]),
                actors=(party(m["a"], m.start("a")),), recipients=(party(m["r"], m.start("r")),),
                mode=modes, context=("diplomatic",) if etype == "CONSULT" else (),
                aux=("hypothetical",) if m["may"] else (), place=place,
                date=m["date"] or meta.published, date_from="text" if m["date"] else "published",
                statement=st.id if st else None,
                reported_by=(st.speaker.entity,) if st and st.speaker and st.speaker.entity else (),
                confidence=0.9))
        return replace(art, entities=tuple(entities.values()), events=tuple(events))
