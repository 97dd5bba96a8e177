package dev.mana.auth.credits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthApplication;
import dev.mana.auth.AuthClient;
import dev.mana.auth.Callers;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.platform.Json;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Registration grants the Free tier's monthly credits; the scheduled MonthlyGrantFunction (the
 * auth jar's second bean, as template.yaml runs it) grants every account its tier's credits,
 * once per account and month however often it runs.
 */
@ExtendWith(AwsEmulatorExtension.class)
class MonthlyGrantTest {

    static byte[] scheduledEvent(String time) {
        return Json.write(Map.of(
                        "version", "0",
                        "id", "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
                        "detail-type", "Scheduled Event",
                        "source", "aws.events",
                        "account", "123456789012",
                        "time", time,
                        "region", "us-east-1",
                        "resources", java.util.List.of("arn:aws:events:us-east-1:123456789012:rule/monthly"),
                        "detail", Map.of()))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void verification_grantsFreeMonthlyCredits_andTheScheduledGrant_paysEachVerifiedAccountOncePerMonth(
            EmulatedStack stack) {
        var env = stack.environment("MonthlyGrantFunction");
        long free = Long.parseLong(env.get("FREE_MONTHLY_CREDITS"));
        long pro = Long.parseLong(env.get("PRO_MONTHLY_CREDITS"));
        var auth = AuthClient.start(stack);
        String ada = auth.register("ada@example.com", AuthClient.PASSWORD)
                .json()
                .path("accountId")
                .asText();
        String bob = auth.register("bob@example.com", AuthClient.PASSWORD)
                .json()
                .path("accountId")
                .asText();
        var ledger = Callers.ledger(stack);
        assertThat(ledger.balance(ada).balance()).isZero();
        assertThat(auth.verify(ada).status()).isEqualTo(200);
        assertThat(auth.verify(bob).status()).isEqualTo(200);
        // Carl never verifies his email: no credits, from registration or the monthly grant.
        String carl = auth.register("carl@example.com", AuthClient.PASSWORD)
                .json()
                .path("accountId")
                .asText();
        assertThat(ledger.balance(ada).balance()).isEqualTo(free);
        // Bob upgrades to Pro.
        stack.clients()
                .dynamoDb()
                .updateItem(b -> b.tableName(stack.ref("AccountsTable"))
                        .key(Map.of(
                                "pk", AttributeValue.fromS("ACCOUNT#" + bob), "sk", AttributeValue.fromS("ACCOUNT")))
                        .updateExpression("SET tier = :pro")
                        .expressionAttributeValues(Map.of(":pro", AttributeValue.fromS("pro"))));

        var grant = LambdaHarness.start(AuthApplication.class, env);
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        String thisMonth = now.atDay(1) + "T00:00:00Z";
        String nextMonth = now.plusMonths(1).atDay(1) + "T00:00:00Z";

        var sameMonth = Json.read(grant.invoke(scheduledEvent(thisMonth)), Map.class);
        assertThat(sameMonth).containsEntry("accounts", 2).containsEntry("failed", 0);
        // Ada had this month's credits at verification; Bob's free grant holds the key under
        // another reason, so neither is paid twice.
        assertThat(sameMonth).containsEntry("alreadyGranted", 2);

        var first = Json.read(grant.invoke(scheduledEvent(nextMonth)), Map.class);
        var retried = Json.read(grant.invoke(scheduledEvent(nextMonth)), Map.class);

        assertThat(first).containsEntry("month", now.plusMonths(1).toString()).containsEntry("granted", 2);
        assertThat(retried).containsEntry("granted", 0).containsEntry("alreadyGranted", 2);
        assertThat(ledger.balance(ada).balance()).isEqualTo(2 * free);
        assertThat(ledger.balance(bob).balance()).isEqualTo(free + pro);
        assertThat(ledger.balance(carl).balance()).isZero();
    }
}
