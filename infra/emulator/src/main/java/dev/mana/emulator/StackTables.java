package dev.mana.emulator;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Creates an AWS::DynamoDB::Table of template.yaml in the emulator. */
final class StackTables {
    private StackTables() {}

    @SuppressWarnings("unchecked")
    static String create(DynamoDbClient dynamo, String name, Map<String, Object> properties, Intrinsics intrinsics) {
        var attributes = ((List<Map<String, Object>>) properties.get("AttributeDefinitions"))
                .stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType"))
                                .build())
                        .toList();
        var indexes = ((List<Map<String, Object>>) properties.getOrDefault("GlobalSecondaryIndexes", List.of()))
                .stream()
                        .map(i -> GlobalSecondaryIndex.builder()
                                .indexName((String) i.get("IndexName"))
                                .keySchema(keys((List<Map<String, Object>>) i.get("KeySchema")))
                                .projection(Projection.builder()
                                        .projectionType((String) Template.map(i.get("Projection"))
                                                .getOrDefault("ProjectionType", "ALL"))
                                        .build())
                                .build())
                        .toList();
        try {
            dynamo.createTable(b -> {
                b.tableName(name)
                        .attributeDefinitions(attributes)
                        .keySchema(keys((List<Map<String, Object>>) properties.get("KeySchema")))
                        .billingMode(BillingMode.PAY_PER_REQUEST);
                if (!indexes.isEmpty()) b.globalSecondaryIndexes(indexes);
            });
        } catch (ResourceInUseException exists) {
            return name;
        }
        Map<String, Object> ttl = Template.map(properties.get("TimeToLiveSpecification"));
        if (Boolean.TRUE.equals(ttl.get("Enabled"))) {
            dynamo.updateTimeToLive(b -> b.tableName(name)
                    .timeToLiveSpecification(t -> t.attributeName(intrinsics.text(ttl.get("AttributeName")))
                            .enabled(true)));
        }
        return name;
    }

    private static List<KeySchemaElement> keys(List<Map<String, Object>> schema) {
        return schema.stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType"))
                        .build())
                .toList();
    }
}
