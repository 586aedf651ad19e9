package io.hybridllm.local;

import java.util.List;
import java.util.Objects;

/** A model {@link LocalModels} can download: a name and its pinned files. Immutable. */
public final class CatalogModel {
    private final String name;
    private final String description;
    private final List<ModelFile> files;

    private CatalogModel(String name, String description, List<ModelFile> files) {
        this.name = Objects.requireNonNull(name, "name == null");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("model name must be a plain directory name: " + name);
        }
        this.description = Objects.requireNonNull(description, "description == null");
        this.files = List.copyOf(files);
        if (this.files.isEmpty()) {
            throw new IllegalArgumentException("a catalog model needs files");
        }
    }

    public static CatalogModel of(String name, String description, List<ModelFile> files) {
        return new CatalogModel(name, description, files);
    }

    /** The model's name, also its directory name in the cache. */
    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<ModelFile> files() {
        return files;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CatalogModel m
                && name.equals(m.name)
                && description.equals(m.description)
                && files.equals(m.files);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, files);
    }

    @Override
    public String toString() {
        return "CatalogModel{" + name + ", " + files.size() + " files}";
    }
}
