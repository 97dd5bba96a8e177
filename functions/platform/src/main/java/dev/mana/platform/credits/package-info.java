/**
 * Credits: {@link dev.mana.platform.credits.CreditLedger} charges, grants and refunds them, each
 * in one DynamoDB transaction guarded by an idempotency item, and lists the ledger.
 *
 * <p>Testing your code: the ledger needs the emulator's CreditsTable. Function modules get it
 * from {@code @ExtendWith(AwsEmulatorExtension.class)} and build the ledger from {@code
 * stack.clients().dynamoDb()} and {@code stack.ref("CreditsTable")}. moto's server does not
 * isolate concurrent transactions, so a test that races charges must send one request at a time
 * (see the ledger's own tests in infra/emulator, {@code SerialisedDynamoDb}).
 */
package dev.mana.platform.credits;
