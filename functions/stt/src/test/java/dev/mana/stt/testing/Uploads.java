package dev.mana.stt.testing;

import dev.mana.emulator.EmulatedStack;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;

/** Puts a file where a client's presigned PUT (POST /v1/uploads) would have put it. */
public final class Uploads {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final Random RANDOM = new Random();

    private Uploads() {}

    public static String put(EmulatedStack stack, String account, String filename, byte[] bytes) {
        StringBuilder id = new StringBuilder("upl_");
        for (int i = 0; i < 26; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        String key = "uploads/" + account + "/" + id + "/" + filename;
        stack.clients().s3().putObject(p -> p.bucket(stack.ref("DataBucket")).key(key), RequestBody.fromBytes(bytes));
        return id.toString();
    }
}
