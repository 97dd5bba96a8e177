package dev.mana.platform.credits;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The emulator's client, except that the first {@code conflicts} TransactWriteItems are
 * cancelled with {@code TransactionConflict}, as DynamoDB does when another transaction holds an
 * item. moto never reports conflicts (it does not isolate transactions at all), so this is how
 * the ledger's contention retry is exercised; every other call reaches the emulator.
 */
final class ConflictingDynamoDb {
    private ConflictingDynamoDb() {}

    static DynamoDbClient wrap(DynamoDbClient client, int conflicts, AtomicInteger transactionsSeen) {
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems")
                            && transactionsSeen.incrementAndGet() <= conflicts) {
                        throw TransactionCanceledException.builder()
                                .message("Transaction cancelled [TransactionConflict, None, None]")
                                .cancellationReasons(
                                        CancellationReason.builder()
                                                .code("TransactionConflict")
                                                .build(),
                                        CancellationReason.builder()
                                                .code("None")
                                                .build(),
                                        CancellationReason.builder()
                                                .code("None")
                                                .build())
                                .build();
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
