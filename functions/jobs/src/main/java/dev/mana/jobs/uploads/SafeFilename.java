package dev.mana.jobs.uploads;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;

/** A client's filename made safe for an S3 key: its last path segment, only {@code [A-Za-z0-9._-]}, at most 200 characters. */
final class SafeFilename {
    static final int MAX = 200;

    private SafeFilename() {}

    static String of(String filename) {
        String name = filename.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (name.length() > MAX) name = name.substring(name.length() - MAX);
        if (name.isEmpty() || name.lastIndexOf('.') <= 0) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD,
                    "filename",
                    "The filename needs a name and an audio extension, such as interview.mp3.");
        }
        return name;
    }
}
