package org.prefixd.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EventJournalTest {
    private static List<Long> ids(List<EventJournal.Entry> entries) {
        return entries.stream().map(EventJournal.Entry::id).toList();
    }

    @Test
    void resumesAfterAnIdItStillHolds() {
        EventJournal j = new EventJournal(4, 100);
        assertEquals(99, j.lastId());
        assertEquals(Optional.of(List.of()), j.after(99), "nothing missed before the first event");
        for (int i = 0; i < 3; i++) j.append("wan0", id -> "{\"id\":" + id + "}");
        assertEquals(List.of(101L, 102L), ids(j.after(100).orElseThrow()));
        assertEquals("{\"id\":102}", j.after(101).orElseThrow().get(0).json());
        assertEquals(List.of(), j.after(102).orElseThrow());
    }

    @Test
    void anIdTooOldOrNotOursGivesNothingSoTheClientGetsASnapshot() {
        EventJournal j = new EventJournal(4, 100);
        for (int i = 0; i < 10; i++) j.append("wan0", id -> "{}"); // 100..109, 106..109 kept
        assertTrue(j.after(104).isEmpty(), "105 is gone");
        assertEquals(List.of(106L, 107L, 108L, 109L), ids(j.after(105).orElseThrow()));
        assertTrue(j.after(110).isEmpty(), "an id from the future: another journal's");
        assertTrue(j.after(5).isEmpty());
    }

    @Test
    void lastFiltersByLink() {
        EventJournal j = new EventJournal(8, 0);
        j.append("wan0", id -> "a");
        j.append("wan1", id -> "b");
        j.append("wan0", id -> "c");
        assertEquals(List.of("a", "c"), j.last(5, Optional.of("wan0")).stream().map(EventJournal.Entry::json).toList());
        assertEquals(List.of("b", "c"), j.last(2, Optional.empty()).stream().map(EventJournal.Entry::json).toList());
    }
}
