package app.soiree.server.messaging;

import app.soiree.api.identity.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where a message type keeps personal data, read once per class from its {@link PersonalData} components:
 * each field as its path in the message's JSON (one name, two for a field of a nested record or an entry of a
 * map, three for an entry of a map in a nested record) and the paths of its owners' ids, the outermost seal's
 * owner first. Most types have none; their plan is empty and costs nothing.
 */
record PersonalDataPlan(List<Field> fields) {

    private static final PersonalDataPlan NONE = new PersonalDataPlan(List.of());
    /** One entry per message class ever serialized: bounded by the code base, not by traffic. */
    private static final Map<Class<?>, PersonalDataPlan> PLANS = new ConcurrentHashMap<>();

    /** A personal field at {@code path} (JSON property names from the top), owned by the user ids at {@code owners}. */
    record Field(List<String> path, List<List<String>> owners) {
    }

    static PersonalDataPlan of(Class<?> type) {
        return type.isRecord() ? PLANS.computeIfAbsent(type, PersonalDataPlan::read) : NONE;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    private static PersonalDataPlan read(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (personal == null) {
                continue;
            }
            List<String> at = List.of(component.getName());
            if (component.getType() == Map.class) {
                entries(type, personal, at, fields);
                continue;
            }
            if (personal.subject().isEmpty()) {
                throw new IllegalStateException(type.getName() + "." + component.getName() + " is personal data but names no subject");
            }
            requireComponent(type, personal.subject());
            List<String> subject = List.of(personal.subject());
            if (component.getType() == String.class) {
                fields.add(new Field(at, owners(subject, List.of(), personal)));
            } else if (component.getType().isRecord()) {
                nested(component, subject, fields);
            } else {
                throw new IllegalStateException(type.getName() + "." + component.getName() + ": only text, maps of text and records of them are sealed");
            }
        }
        return fields.isEmpty() ? NONE : new PersonalDataPlan(List.copyOf(fields));
    }

    /** The personal fields of a record held by an event, owned by the event's {@code subject} (and whoever else they name). */
    private static void nested(RecordComponent holder, List<String> subject, List<Field> fields) {
        List<String> at = List.of(holder.getName());
        for (RecordComponent component : holder.getType().getRecordComponents()) {
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (personal == null) {
                continue;
            }
            List<String> path = append(at, component.getName());
            if (component.getType() == String.class) {
                fields.add(new Field(path, owners(subject, at, personal)));
            } else if (component.getType() == Map.class) {
                entries(holder.getType(), personal, path, fields);
            } else {
                throw new IllegalStateException(holder.getType().getName() + "." + component.getName()
                        + ": only text and maps of text are sealed in a nested record");
            }
        }
    }

    /** Each named entry of a map at {@code map}, owned by the user whose id is in another entry of the same map. */
    private static void entries(Class<?> type, PersonalData personal, List<String> map, List<Field> fields) {
        if (personal.entries().length == 0) {
            throw new IllegalStateException(type.getName() + "." + map.getLast() + " is a personal map but names no entries");
        }
        for (String entry : personal.entries()) {
            String[] nameAndId = entry.split("=", -1);
            if (nameAndId.length != 2 || nameAndId[0].isBlank() || nameAndId[1].isBlank()) {
                throw new IllegalStateException(type.getName() + "." + map.getLast() + ": entry '" + entry + "' is not nameKey=idKey");
            }
            fields.add(new Field(append(map, nameAndId[0]), List.of(append(map, nameAndId[1]))));
        }
    }

    /** The subject's seal outermost, then those the annotation adds, each path taken from the record at {@code at}. */
    private static List<List<String>> owners(List<String> subject, List<String> at, PersonalData personal) {
        Stream<List<String>> others = Arrays.stream(personal.alsoOwnedBy())
                .map(path -> Stream.concat(at.stream(), Arrays.stream(path.split("\\."))).toList());
        return Stream.concat(Stream.of(subject), others).toList();
    }

    private static List<String> append(List<String> path, String name) {
        return Stream.concat(path.stream(), Stream.of(name)).toList();
    }

    private static void requireComponent(Class<?> type, String name) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return;
            }
        }
        throw new IllegalStateException(type.getName() + " names " + name + " as the owner of its personal data but has no such component");
    }
}
