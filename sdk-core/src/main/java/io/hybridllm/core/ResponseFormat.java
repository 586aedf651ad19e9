package io.hybridllm.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code response_format} of a request: plain text, any JSON object, or JSON matching a schema. Immutable.
 */
public final class ResponseFormat {
    /** The kind of response format. */
    public enum Type {
        TEXT("text"),
        JSON_OBJECT("json_object"),
        JSON_SCHEMA("json_schema");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private static final ResponseFormat TEXT = new ResponseFormat(Type.TEXT, null, null, false);
    private static final ResponseFormat JSON_OBJECT = new ResponseFormat(Type.JSON_OBJECT, null, null, false);

    private final Type type;
    private final String schemaName;
    private final String schemaJson;
    private final boolean strict;

    private ResponseFormat(Type type, String schemaName, String schemaJson, boolean strict) {
        this.type = type;
        this.schemaName = schemaName;
        this.schemaJson = schemaJson;
        this.strict = strict;
    }

    public static ResponseFormat text() {
        return TEXT;
    }

    public static ResponseFormat jsonObject() {
        return JSON_OBJECT;
    }

    /** JSON constrained by a schema ({@code schemaJson} is the JSON schema as text). */
    public static ResponseFormat jsonSchema(String name, String schemaJson, boolean strict) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(schemaJson, "schemaJson == null");
        return new ResponseFormat(Type.JSON_SCHEMA, name, schemaJson, strict);
    }

    public Type type() {
        return type;
    }

    public Optional<String> schemaName() {
        return Optional.ofNullable(schemaName);
    }

    public Optional<String> schemaJson() {
        return Optional.ofNullable(schemaJson);
    }

    public boolean strict() {
        return strict;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseFormat r
                && type == r.type
                && strict == r.strict
                && Objects.equals(schemaName, r.schemaName)
                && Objects.equals(schemaJson, r.schemaJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, schemaName, schemaJson, strict);
    }

    @Override
    public String toString() {
        return "ResponseFormat{" + type.wireName() + (schemaName == null ? "" : ", schema=" + schemaName) + "}";
    }
}
