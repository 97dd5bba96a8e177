package dev.mana.jobs.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.ApiException;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads.verify: a HEAD of the account's own object, checking presence, size and type. */
@ExtendWith(AwsEmulatorExtension.class)
class UploadsTest {
    static S3Client s3;
    static String bucket;
    static Uploads uploads;

    @BeforeAll
    static void start(EmulatedStack stack) {
        s3 = stack.clients().s3();
        bucket = stack.ref("DataBucket");
        uploads = new Uploads(s3, null, bucket, Clock.systemUTC());
    }

    static String put(String account, String contentType, int size) {
        String id = Uploads.nextId();
        s3.putObject(
                p -> p.bucket(bucket)
                        .key("uploads/" + account + "/" + id + "/a.mp3")
                        .contentType(contentType),
                RequestBody.fromBytes(new byte[size]));
        return id;
    }

    static String reason(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            assertThat(e.errorCode().status()).isEqualTo(422);
            assertThat(e.extensions().get("field")).isEqualTo("uploadId");
            return String.valueOf(e.extensions().get("reason"));
        }
        throw new AssertionError("verify accepted it");
    }

    @Test
    void verify_acceptsTheAccountsAudio() {
        String id = put("acct_a", "audio/mpeg", 100);

        var upload = uploads.verify("acct_a", id);

        assertThat(upload.size()).isEqualTo(100);
        assertThat(upload.contentType()).isEqualTo("audio/mpeg");
    }

    @Test
    void verify_ofAnotherAccountsUpload_findsNothing() {
        String id = put("acct_owner", "audio/mpeg", 100);

        assertThat(reason(() -> uploads.verify("acct_thief", id))).isEqualTo("not_uploaded");
    }

    @Test
    void verify_refusesMissingEmptyAndNonAudioObjects_andBadIds() {
        assertThat(reason(() -> uploads.verify("acct_a", Uploads.nextId()))).isEqualTo("not_uploaded");
        assertThat(reason(() -> uploads.verify("acct_a", put("acct_a", "text/plain", 10))))
                .isEqualTo("unsupported_type");
        assertThat(reason(() -> uploads.verify("acct_a", put("acct_a", "audio/mpeg", 0))))
                .isEqualTo("empty_upload");
        assertThat(reason(() -> uploads.verify("acct_a", "upl_../../x"))).isEqualTo("unknown_upload");
        assertThatThrownBy(() -> uploads.verify("acct_a", null)).isInstanceOf(ApiException.class);
    }
}
