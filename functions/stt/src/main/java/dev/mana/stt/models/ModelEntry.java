package dev.mana.stt.models;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A model the registry knows: its manifest, where its files are on this machine (none for a
 * model only a GPU worker serves), and whether a request here can use it.
 */
public record ModelEntry(
        ModelManifest manifest, Optional<Path> directory, boolean available, String unavailableReason) {

    public String name() {
        return manifest.name();
    }
}
