package io.checkin.history;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.checkin.visit.ContactFinder;

/** The contacts of a case, most exposed first; {@code csv} holds the same rows for tracers when asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactsAnswer(String subject, int minOverlapMinutes, List<ContactFinder.Contact> contacts, String csv) {
}
