package app.soiree.server.messaging;

import app.soiree.api.identity.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a message type keeps personal data, read once per class from its {@link PersonalData} components:
 * each field as its path in the message's JSON (one name, or two for a field of a nested record) and the
 * component naming its owner. Most types have none; their plan is empty and costs nothing.
 */
record PersonalDataPlan(List<Field> fields) {

    private static final PersonalDataPlan NONE = new PersonalDataPlan(List.of());
    /** One entry per message class ever serialized: bounded by the code base, not by traffic. */
    private static final Map<Class<?>, PersonalDataPlan> PLANS = new ConcurrentHashMap<>();

    /** A personal field at {@code path} (JSON property names from the top), owned by the user id in property {@code subject}. */
    record Field(List<String> path, String subject) {
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
            if (personal.subject().isEmpty()) {
                throw new IllegalStateException(type.getName() + "." + component.getName() + " is personal data but names no subject");
            }
            requireComponent(type, personal.subject());
            if (component.getType() == String.class) {
                fields.add(new Field(List.of(component.getName()), personal.subject()));
            } else if (component.getType().isRecord()) {
                nested(component, personal.subject(), fields);
            } else {
                throw new IllegalStateException(type.getName() + "." + component.getName() + ": only text and records of text are sealed");
            }
        }
        return fields.isEmpty() ? NONE : new PersonalDataPlan(List.copyOf(fields));
    }

    private static void nested(RecordComponent holder, String subject, List<Field> fields) {
        for (RecordComponent component : holder.getType().getRecordComponents()) {
            if (component.isAnnotationPresent(PersonalData.class)) {
                if (component.getType() != String.class) {
                    throw new IllegalStateException(holder.getType().getName() + "." + component.getName() + ": only text is sealed in a nested record");
                }
                fields.add(new Field(List.of(holder.getName(), component.getName()), subject));
            }
        }
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
