package dev.mana.auth.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Passwords too common to accept. The list is {@code passwords.json} of the npm package
 * {@code @zxcvbn-ts/language-common} 4.1.3 (MIT, Copyright 2012-2016 Dan Wheeler and Dropbox,
 * 2021 zxcvbn-ts; licence beside the resource): 49,233 passwords by frequency, one a line,
 * gzipped. Only entries at least as long as the policy's minimum are kept in memory: shorter
 * ones are refused by length already.
 */
public final class CommonPasswords {
    static final String RESOURCE = "common-passwords.txt.gz";
    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = Set.copyOf(passwords);
    }

    public static CommonPasswords load(int minLength) {
        var kept = new HashSet<String>();
        try (var in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
            var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.codePointCount(0, line.length()) >= minLength) kept.add(line.toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CommonPasswords(kept);
    }

    public boolean contains(String password) {
        return passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return passwords.size();
    }
}
