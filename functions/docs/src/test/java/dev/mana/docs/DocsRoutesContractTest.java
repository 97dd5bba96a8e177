package dev.mana.docs;

import dev.mana.emulator.OpenApiContract;
import org.junit.jupiter.api.Test;

class DocsRoutesContractTest {
    @Test
    void everyRoute_isInOpenApi_andViceVersa() {
        OpenApiContract.assertRoutesMatch("DocsFunction", DocsApplication.api().router());
    }
}
