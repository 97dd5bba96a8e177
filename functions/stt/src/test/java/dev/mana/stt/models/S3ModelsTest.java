package dev.mana.stt.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

@ExtendWith(AwsEmulatorExtension.class)
class S3ModelsTest {

    @Test
    void sync_copiesEveryModelUnderThePrefix_andTheRegistrySeesThem(EmulatedStack stack, @TempDir Path target)
            throws Exception {
        var s3 = stack.clients().s3();
        String bucket = stack.ref("DataBucket");
        put(
                s3,
                bucket,
                "models/stt/whisper-x/manifest.json",
                "{\"name\":\"whisper-x\",\"languages\":[\"en\",\"de\"],\"device\":\"cpu\",\"pricePerMinute\":2}");
        put(s3, bucket, "models/stt/whisper-x/config.json", "{}");
        put(s3, bucket, "models/other/ignored.txt", "not a model");

        new S3Models(s3).sync("s3://" + bucket + "/models/stt", target);

        assertThat(target.resolve("whisper-x/config.json")).hasContent("{}");
        assertThat(Files.exists(target.resolve("ignored.txt"))).isFalse();
        ModelEntry entry = ModelRegistry.scan(target, false).require("whisper-x");
        assertThat(entry.manifest().pricePerMinute()).isEqualTo(2);
        assertThat(entry.manifest().speaks("de")).isTrue();
    }

    private static void put(software.amazon.awssdk.services.s3.S3Client s3, String bucket, String key, String body) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromString(body));
    }
}
