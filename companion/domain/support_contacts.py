"""Support contacts shown after a mood screen score of 3 or more: a short, well-established list for Wales.

This is a stop-gap. The issue on the support directory (clinical guide, "Support directory": editable,
bilingual, offline, each entry with its source and date checked) will extend this tuple into the full
directory and let the person add their own contacts. Only free, national services that rarely change are
listed here. Names and sentences are marked with N_ and translated where they are shown; a service's own
Welsh name, where a source gives one (shared guide welsh.md, section 4), is kept as data, not translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.i18n import N_, translate_in

CHECKED = "2026-11"


@dataclass(frozen=True)
class SupportContact:
    key: str
    name: str  # English, N_ marked: translate when shown
    how: str  # one whole sentence (or two), N_ marked
    phone: str | None  # digits as dialled in the UK, grouped for reading; None when there is no one number
    source: str  # where the details come from (a web address; not translated)
    checked: str  # year and month the details were last checked, "YYYY-MM"
    welsh_name: str | None = None  # the service's own Welsh name, where a source gives one
    welsh_language_phone: str | None = None  # a separate Welsh-language line

    def display_name(self, language: str) -> str:
        """The name in `language`: the service's own Welsh name when there is one, else the translation."""
        if language == "cy" and self.welsh_name:
            return self.welsh_name
        return translate_in(language, self.name)

    def display_how(self, language: str) -> str:
        return translate_in(language, self.how)


# The most urgent first (999), then urgent help, someone to talk to, and the GP.
MOOD_SUPPORT_CONTACTS: tuple[SupportContact, ...] = (
    SupportContact(
        key="emergency",
        name=N_("Emergency services"),
        how=N_("In an emergency, call 999."),
        phone="999",
        source="111.wales.nhs.uk",
        checked=CHECKED,
    ),
    SupportContact(
        key="nhs111",
        # Welsh brand form ("111 GIG Cymru" in welsh.md section 4) is marked inferred there: left to the catalog.
        name=N_("NHS 111 Wales"),
        how=N_("Call 111 and choose option 2 for urgent mental health support. It is free, 24 hours a day."),
        phone="111",
        source="111.wales.nhs.uk",
        checked=CHECKED,
    ),
    SupportContact(
        key="samaritans",
        name=N_("Samaritans"),
        how=N_(
            "Call free, 24 hours a day, to talk to someone who will listen. "
            "There is also a Welsh-language line, open every evening."
        ),
        phone="116 123",
        source="samaritans.org",
        checked=CHECKED,
        welsh_language_phone="0808 164 0123",
    ),
    SupportContact(
        key="call",
        name=N_("CALL Mental Health Listening Line for Wales"),
        how=N_("Call free, 24 hours a day, for confidential listening and emotional support in Wales."),
        phone="0800 132 737",
        source="callhelpline.org.uk",
        checked=CHECKED,
        welsh_name="Llinell Gymorth CALL",
    ),
    SupportContact(
        key="gp",
        name=N_("Your GP surgery"),
        how=N_(
            "Make an appointment to talk about how you have been feeling. "
            "If you feel unsafe, tell the receptionist it is urgent."
        ),
        phone=None,
        source="111.wales.nhs.uk",
        checked=CHECKED,
    ),
)
