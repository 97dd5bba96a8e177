package dev.mana.auth.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.emulator.Template;
import dev.mana.platform.Environment;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TiersTest {
    @Test
    void tiers_comeFromTheTemplatesTiersMapping_throughTheEnvironment() {
        var env = new HashMap<String, String>();
        for (String tier : new String[] {"FREE", "PRO", "ENTERPRISE"}) {
            env.put(tier + "_USAGE_PLAN_NAME", "plan-" + tier);
            env.put(tier + "_MAX_KEYS", "7");
            env.put(tier + "_MONTHLY_CREDITS", "123");
        }
        Environment.override(env);
        var tiers = Tiers.fromEnvironment();

        assertThat(tiers.of("Pro")).isEqualTo(new Tiers.Tier("pro", "plan-PRO", 7, 123));
        assertThatThrownBy(() -> tiers.of("platinum")).isInstanceOf(IllegalStateException.class);
        // The template wires every variable from the mapping.
        Map<?, ?> variables = Template.load().function("AuthFunction").environment();
        assertThat(String.valueOf(variables.get("FREE_MAX_KEYS")))
                .contains("Tiers")
                .contains("MaxKeys");
        Environment.override(Map.of());
    }
}
