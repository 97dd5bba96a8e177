package dev.mana.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
    private static final String TYPE = "multipart/form-data; boundary=XyZ";

    private static byte[] body(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static final String FORM = """
            --XyZ
            Content-Disposition: form-data; name="model"

            whisper-1
            --XyZ
            Content-Disposition: form-data; name="timestamp_granularities[]"

            word
            --XyZ
            Content-Disposition: form-data; name="timestamp_granularities[]"

            segment
            --XyZ
            Content-Disposition: form-data; name="file"; filename="clip.wav"
            Content-Type: audio/wav

            RIFF\u00e9
            --XyZ--
            """;

    @Test
    void fieldsAndFiles_comeBackByName_inOrder() {
        var form = MultipartForm.parse(TYPE, body(FORM));

        assertThat(form.text("model")).hasValue("whisper-1");
        assertThat(form.all("timestamp_granularities[]"))
                .extracting(MultipartForm.Part::text)
                .containsExactly("word", "segment");
        var file = form.part("file").orElseThrow();
        assertThat(file.filename()).hasValue("clip.wav");
        assertThat(file.contentType()).isEqualTo("audio/wav");
        assertThat(file.text()).isEqualTo("RIFF\u00e9");
        assertThat(form.names())
                .containsExactly("model", "timestamp_granularities[]", "timestamp_granularities[]", "file");
        assertThat(form.text("language")).isEmpty();
    }

    @Test
    void aTruncatedUpload_isA400ThatSaysSo() {
        String truncated = FORM.substring(0, FORM.indexOf("RIFF") + 2);

        assertThatThrownBy(() -> MultipartForm.parse(TYPE, body(truncated)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.errorCode().status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("truncated");
                });
    }

    @Test
    void jsonOrAMissingBoundary_isA415() {
        assertThatThrownBy(() -> MultipartForm.parse("application/json", body("{}")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data", body(FORM)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
    }
}
