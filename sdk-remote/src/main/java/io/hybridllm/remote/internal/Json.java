package io.hybridllm.remote.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Null-tolerant reads from Gson trees: a missing member and JSON {@code null} read the same. */
final class Json {
    private Json() {}

    static JsonElement member(JsonObject o, String name) {
        if (o == null) {
            return null;
        }
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e;
    }

    static String string(JsonObject o, String name) {
        JsonElement e = member(o, name);
        return e == null ? null : text(e);
    }

    static String text(JsonElement e) {
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    static JsonObject object(JsonObject o, String name) {
        JsonElement e = member(o, name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    static JsonArray array(JsonObject o, String name) {
        JsonElement e = member(o, name);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
    }

    static int integer(JsonObject o, String name, int fallback) {
        JsonElement e = member(o, name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return fallback;
        }
        return e.getAsInt();
    }

    static long longValue(JsonObject o, String name, long fallback) {
        JsonElement e = member(o, name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return fallback;
        }
        return e.getAsLong();
    }
}
