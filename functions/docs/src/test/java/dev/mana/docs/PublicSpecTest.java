package dev.mana.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.platform.Json;
import org.junit.jupiter.api.Test;

class PublicSpecTest {
    @Test
    void publicSpec_hasEveryPathAndNoApiGatewayExtension() throws Exception {
        String spec = PublicSpec.load();
        var document = Json.mapper().readTree(spec);

        assertThat(spec).doesNotContain("x-amazon-apigateway-").doesNotContain("Fn::Sub");
        assertThat(document.path("paths").has("/v1/search")).isTrue();
        assertThat(document.path("paths").has("/docs")).isTrue();
        assertThat(document.path("servers").isArray()).isTrue();
        // The authorizer's scheme stays documented, without its wiring.
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("manaAuthorizer")
                        .path("name")
                        .asText())
                .isEqualTo("Authorization");
    }
}
