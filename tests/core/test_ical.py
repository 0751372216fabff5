"""The iCalendar files the site writes read back as they were meant (RFC 5545)."""

import datetime

import icalendar

from ateliers.core.ical import CalendarEvent, calendar_of

START = datetime.datetime(2026, 3, 29, 0, 30, tzinfo=datetime.UTC)


def event(**values) -> CalendarEvent:
    return CalendarEvent(
        **{
            "key": "meeting-7",
            "sequence": 3,
            "starts_at": START,
            "ends_at": START + datetime.timedelta(hours=2),
            "title": "Réunion",
            "location": "Salle",
            "description": "",
            "path": "/reunions/7/",
            **values,
        }
    )


def read(*events) -> list:
    return icalendar.Calendar.from_ical(calendar_of(events, name="Test")).walk("VEVENT")


def test_text_with_commas_semicolons_line_breaks_and_long_accented_lines_reads_back():
    description = "Ordre du jour ; accueil, visite\net débat. " + "Éléphants à l'été " * 20
    [found] = read(event(title="Vélo, bus; marche", description=description))

    assert str(found["summary"]) == "Vélo, bus; marche"
    assert str(found["description"]).startswith(description.strip())
    assert str(found["description"]).endswith("/reunions/7/")


def test_times_are_in_paris_across_the_change_to_summer_time():
    [found] = read(event())

    # 00:30 UTC on 29 March 2026 is 01:30 in Paris (winter); 02:30 UTC is 04:30 (summer).
    assert found["dtstart"].params["TZID"] == "Europe/Paris"
    assert found.decoded("dtstart").utcoffset() == datetime.timedelta(hours=1)
    assert found.decoded("dtend").utcoffset() == datetime.timedelta(hours=2)
    assert found.decoded("dtend").astimezone(datetime.UTC) == START + datetime.timedelta(hours=2)


def test_each_event_keeps_its_uid_sequence_and_status():
    confirmed, cancelled = read(event(), event(key="training-session-2", cancelled=True))

    assert (str(confirmed["uid"]), confirmed["sequence"], confirmed["status"]) == (
        "meeting-7@127.0.0.1",
        3,
        "CONFIRMED",
    )
    assert cancelled["status"] == "CANCELLED"


def test_lines_are_at_most_75_octets():
    body = calendar_of([event(description="é" * 300)], name="Test")

    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
