package dev.mana.stt.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.stt.testing.TestModel;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    private static ErrorCode codeOf(Throwable e) {
        return ((ApiException) e).errorCode();
    }

    @Test
    void scan_findsTheTestModel_andListsVoxtralAsGpuOnly() {
        TestModel.directory();
        ModelRegistry registry = ModelRegistry.scan(TestModel.modelsRoot(), false);

        ModelEntry test = registry.require(TestModel.NAME);
        assertThat(test.directory()).contains(TestModel.directory());
        assertThat(test.manifest().languages()).containsExactly("en");
        assertThat(test.manifest().maxWindowSeconds()).isEqualTo(10.0);
        assertThat(registry.find("voxtral-mini")).hasValueSatisfying(v -> {
            assertThat(v.available()).isFalse();
            assertThat(v.manifest().device()).isEqualTo("gpu");
        });
    }

    @Test
    void gpuModel_withoutGpuWorker_is503ModelUnavailable() {
        ModelRegistry registry = ModelRegistry.scan(TestModel.modelsRoot(), false);

        assertThatThrownBy(() -> registry.require("voxtral-mini"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.MODEL_UNAVAILABLE))
                .hasMessageContaining("GPU worker");
    }

    @Test
    void unknownModel_is422NamingTheField() {
        ModelRegistry registry = ModelRegistry.scan(TestModel.modelsRoot(), false);

        assertThatThrownBy(() -> registry.require("whisper-huge"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.INVALID_FIELD))
                .hasMessageContaining("whisper-huge");
    }

    @Test
    void auto_picksByLanguageDurationAndWhatIsDeployed() {
        TestModel.directory();
        ModelRegistry cpuOnly = ModelRegistry.scan(TestModel.modelsRoot(), false);
        ModelRegistry withGpu = ModelRegistry.scan(TestModel.modelsRoot(), true);

        assertThat(cpuOnly.pick(Optional.of("en"), 600, 120).name()).isEqualTo(TestModel.NAME);
        assertThat(withGpu.pick(Optional.of("en"), 10, 120).name()).isEqualTo(TestModel.NAME);
        assertThat(withGpu.pick(Optional.of("en"), 600, 120).name()).isEqualTo("voxtral-mini");
        assertThat(withGpu.pick(Optional.of("fr"), 10, 120).name()).isEqualTo("voxtral-mini");
        assertThatThrownBy(() -> cpuOnly.pick(Optional.of("fr"), 10, 120))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.MODEL_UNAVAILABLE));
    }

    @Test
    void missingModelsDirectory_stillListsVoxtral() {
        ModelRegistry registry = ModelRegistry.scan(Path.of("/nonexistent/models"), false);

        assertThat(registry.all()).extracting(ModelEntry::name).containsExactly("voxtral-mini");
    }
}
