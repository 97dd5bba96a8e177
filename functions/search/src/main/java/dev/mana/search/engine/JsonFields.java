package dev.mana.search.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads optional text fields of an engine's JSON: absent, null and blank all mean null. */
final class JsonFields {

    private JsonFields() {}

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    static JsonNode array(JsonNode node, String field, String missing) throws EngineException {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isArray()) {
            throw new EngineException(missing);
        }
        return value;
    }
}
