package dev.mana.auth.account;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Accounts in the accounts table. Two items per account, written in one transaction: the
 * account ({@code ACCOUNT#acct_...}) and an email uniqueness item ({@code EMAIL#key}) naming
 * it. Both are conditional puts, so of two concurrent registrations of one email exactly one
 * commits. Login reads the email item, then the account, both strongly consistent.
 */
public final class AccountStore {
    private static final String ACCOUNT = "ACCOUNT";
    private static final String EMAIL = "EMAIL";

    private final DynamoDbClient dynamo;
    private final String table;

    public AccountStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public void create(Account account) throws EmailTaken {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", s(ACCOUNT + "#" + account.id()));
        item.put("sk", s(ACCOUNT));
        item.put("accountId", s(account.id()));
        item.put("email", s(account.email().address()));
        item.put("emailKey", s(account.email().key()));
        item.put("tier", s(account.tier()));
        item.put("passwordHash", s(account.passwordHash()));
        item.put("createdAt", s(account.createdAt().toString()));
        if (account.name() != null) item.put("name", s(account.name()));
        // Until POST /v1/auth/verify: no free credits, no monthly grant. Older accounts lack it: verified.
        item.put("unverified", AttributeValue.fromBool(true));
        var uniqueness = Map.of(
                "pk", s(EMAIL + "#" + account.email().key()),
                "sk", s(EMAIL),
                "accountId", s(account.id()));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(put(uniqueness), put(item)));
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            if (!reasons.isEmpty()
                    && "ConditionalCheckFailed".equals(reasons.get(0).code())) throw new EmailTaken();
            if (reasons.stream().map(CancellationReason::code).anyMatch("TransactionConflict"::equals)) {
                // Another transaction on the same email was in flight: it wins, this one is a duplicate.
                throw new EmailTaken();
            }
            throw e;
        }
    }

    /** An account's id, tier and whether its email is verified: what the monthly grant needs. */
    public record AccountTier(String accountId, String tier, boolean verified) {}

    /** Marks the account's email verified; false when it already was (or there is no such account). */
    public boolean markVerified(String accountId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(ACCOUNT + "#" + accountId), "sk", s(ACCOUNT)))
                    .updateExpression("REMOVE unverified")
                    .conditionExpression("attribute_exists(unverified)"));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Every account's id and tier, by a paginated scan of the table filtered to account items.
     * Fine for tens of thousands of accounts (one Lambda run of 15 minutes scans millions of
     * small items); past that, keep a tier index (gsi1 on {@code TIER#tier}) and fan the grant
     * out per page through SQS, or run it as a Step Functions distributed map.
     */
    public Stream<AccountTier> accountTiers() {
        return dynamo
                .scanPaginator(b -> b.tableName(table)
                        .filterExpression("sk = :account")
                        .projectionExpression("accountId, tier, unverified")
                        .expressionAttributeValues(Map.of(":account", s(ACCOUNT))))
                .items()
                .stream()
                .map(item -> new AccountTier(
                        item.get("accountId").s(), item.get("tier").s(), !item.containsKey("unverified")));
    }

    public Optional<Account> findByEmail(EmailAddress email) {
        var owner = get(EMAIL + "#" + email.key(), EMAIL);
        return owner.flatMap(item -> find(item.get("accountId").s()));
    }

    public Optional<Account> find(String accountId) {
        return get(ACCOUNT + "#" + accountId, ACCOUNT).map(AccountStore::account);
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var response = dynamo.getItem(
                b -> b.tableName(table).key(Map.of("pk", s(pk), "sk", s(sk))).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private static Account account(Map<String, AttributeValue> item) {
        var name = item.get("name");
        return new Account(
                item.get("accountId").s(),
                new EmailAddress(item.get("email").s(), item.get("emailKey").s()),
                name == null ? null : name.s(),
                item.get("tier").s(),
                item.get("passwordHash").s(),
                Instant.parse(item.get("createdAt").s()));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
