"""Demo data: one realistic fiscal year (令和7年度) of the 自治体DXサポート強化業務.

``populate_demo`` fills an open, empty profile with a year of made-up but plausible work for
Miyazaki Prefecture's municipal DX support contract: staff, vendors, contacts, groups, the
standardisation matrix (system and step status for every organisation), visits and hearings,
issues, consultations, time entries, intensive support, trainings, experts, goals and meetings.

Everything is fictional and deterministic for a given seed. People, companies and the Japanese
phrase templates live in ``resources/demo_text.json``; reference facts (municipalities, systems,
steps, the office calendar) come from ``dxdesk.core``. Every write goes through
``RecordService.add_many``, exactly as the CLI would write, so the data passes the same
validation as typed input.

The generator is split along its stages, each a module of functions over one shared state
(``state.Demo``): ``people`` (staff, vendors, experts, contacts, groups, engagements),
``progress`` (the system_status / step_status matrix), ``schedule`` (the year's calendar),
``visits`` (visits, issues, consultations), ``meetings`` (trainings and meetings), ``hours``
(time entries) and ``goals`` (goals, progress, case studies); ``build`` runs them in order.
``plan`` holds the records they plan in, ``text`` the phrase templates, ``year`` the fiscal
year and hour arithmetic.
"""

from __future__ import annotations

from dxdesk.services.demo.build import populate_demo

__all__ = ["populate_demo"]
