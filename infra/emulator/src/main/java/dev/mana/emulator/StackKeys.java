package dev.mana.emulator;

import java.util.Map;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Creates an AWS::KMS::Key in the emulator. Keys cannot be looked up by name, so an alias
 * named after the stack makes creation idempotent for the local runtime.
 */
final class StackKeys {
    record Key(String keyId, String arn) {}

    private StackKeys() {}

    static Key create(KmsClient kms, String physicalName, Map<String, Object> properties) {
        String alias = "alias/" + physicalName;
        for (var page : kms.listAliasesPaginator(b -> {})) {
            for (var existing : page.aliases()) {
                if (alias.equals(existing.aliasName()) && existing.targetKeyId() != null) {
                    var metadata = kms.describeKey(b -> b.keyId(existing.targetKeyId()))
                            .keyMetadata();
                    return new Key(metadata.keyId(), metadata.arn());
                }
            }
        }
        var metadata = kms.createKey(b -> b.keySpec((String) properties.getOrDefault("KeySpec", "SYMMETRIC_DEFAULT"))
                        .keyUsage((String) properties.getOrDefault("KeyUsage", "ENCRYPT_DECRYPT"))
                        .description(String.valueOf(properties.getOrDefault("Description", physicalName))))
                .keyMetadata();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(metadata.keyId()));
        return new Key(metadata.keyId(), metadata.arn());
    }

    static void delete(KmsClient kms, String keyId) {
        kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
    }
}
