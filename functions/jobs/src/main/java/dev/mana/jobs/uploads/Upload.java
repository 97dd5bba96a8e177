package dev.mana.jobs.uploads;

/**
 * An uploaded object as {@link Uploads#verify} found it.
 *
 * @param key the S3 key, {@code uploads/<account>/<id>/<filename>}
 * @param size the object's size in bytes
 * @param contentType the object's content type, an accepted audio type
 */
public record Upload(String id, String accountId, String key, long size, String contentType) {}
