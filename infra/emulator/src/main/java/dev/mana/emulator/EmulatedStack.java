package dev.mana.emulator;

import dev.mana.emulator.Template.Resource;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The resources of template.yaml created in the AWS emulator under one stack name: tables,
 * queues with their DLQs, the bucket, the KMS key and the usage plans. It resolves each
 * function's environment from template.yaml against them, as CloudFormation would.
 */
public final class EmulatedStack implements AutoCloseable {
    public static final String ACCOUNT_ID = "123456789012";

    private final String name;
    private final URI endpoint;
    private final String region;
    private final Template template;
    private final EmulatorClients clients;
    private final Map<String, String> refs = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
    private final List<Runnable> cleanups = new ArrayList<>();
    private final Intrinsics intrinsics;

    private EmulatedStack(String name, URI endpoint, String region, Template template) {
        this.name = name;
        this.endpoint = endpoint;
        this.region = region;
        this.template = template;
        this.clients = new EmulatorClients(endpoint, region);
        this.intrinsics = new Intrinsics(template, new Intrinsics.Lookup() {
            @Override
            public Object ref(String logicalId) {
                return switch (logicalId) {
                    case "AWS::Region" -> region;
                    case "AWS::AccountId" -> ACCOUNT_ID;
                    case "AWS::StackName" -> name;
                    case "AWS::Partition" -> "aws";
                    case "AWS::URLSuffix" -> "amazonaws.com";
                    default -> {
                        String value = refs.get(logicalId);
                        if (value == null)
                            throw new IllegalStateException("Ref to unknown or unsupported " + logicalId);
                        yield value;
                    }
                };
            }

            @Override
            public Object attribute(String logicalId, String attribute) {
                String value = attributes.getOrDefault(logicalId, Map.of()).get(attribute);
                if (value == null) {
                    throw new IllegalStateException("GetAtt " + logicalId + "." + attribute + " is not emulated");
                }
                return value;
            }
        });
    }

    /**
     * Creates every supported resource of the template under {@code name}. Reuses what exists
     * already, so the local runtime can call it on each start.
     */
    public static EmulatedStack create(String name, URI endpoint, Template template) {
        var stack = new EmulatedStack(name, endpoint, "us-east-1", template);
        stack.provision();
        return stack;
    }

    public String name() {
        return name;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    public Template template() {
        return template;
    }

    /** The physical id a Ref of this logical id gives (table name, queue URL, key id...). */
    public String ref(String logicalId) {
        return String.valueOf(intrinsics.resolve(Map.of("Ref", logicalId)));
    }

    /** What a GetAtt gives, e.g. {@code attribute("ExtractQueue", "Arn")}. */
    public String attribute(String logicalId, String name) {
        return String.valueOf(intrinsics.resolve(Map.of("Fn::GetAtt", java.util.List.of(logicalId, name))));
    }

    public EmulatorClients clients() {
        return clients;
    }

    /** A function's environment as Lambda would set it, pointed at the emulator. */
    public Map<String, String> environment(String functionLogicalId) {
        var environment = new LinkedHashMap<String, String>();
        template.function(functionLogicalId).environment().forEach((key, value) -> {
            Object resolved = intrinsics.resolve(value);
            if (resolved != Intrinsics.NO_VALUE) environment.put(key, String.valueOf(resolved));
        });
        environment.put("AWS_REGION", region);
        environment.put("AWS_ENDPOINT_URL", endpoint.toString());
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", name + "-" + functionLogicalId);
        return environment;
    }

    private void provision() {
        var resources = template.resources();
        for (Resource r : resources.values()) {
            String physical = physicalName(r.logicalId());
            switch (r.type()) {
                case "AWS::Serverless::Function" -> {
                    String arn = "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + physical;
                    refs.put(r.logicalId(), physical);
                    attributes.put(r.logicalId(), Map.of("Arn", arn, "Alias", arn + ":live"));
                }
                case "AWS::DynamoDB::Table" -> {
                    String table = StackTables.create(clients.dynamoDb(), physical, r.properties(), intrinsics);
                    refs.put(r.logicalId(), table);
                    attributes.put(
                            r.logicalId(),
                            Map.of("Arn", "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + table));
                    cleanups.add(() -> deleteTable(table));
                }
                case "AWS::S3::Bucket" -> {
                    String bucket = StackBuckets.create(clients.s3(), physical.toLowerCase(java.util.Locale.ROOT));
                    refs.put(r.logicalId(), bucket);
                    attributes.put(r.logicalId(), Map.of("Arn", "arn:aws:s3:::" + bucket));
                    cleanups.add(() -> StackBuckets.delete(clients.s3(), bucket));
                }
                case "AWS::KMS::Key" -> {
                    var key = StackKeys.create(clients.kms(), physical, r.properties());
                    refs.put(r.logicalId(), key.keyId());
                    attributes.put(r.logicalId(), Map.of("Arn", key.arn(), "KeyId", key.keyId()));
                    cleanups.add(() -> StackKeys.delete(clients.kms(), key.keyId()));
                }
                default -> {}
            }
        }
        // Queues after the first pass: a queue's redrive policy names its DLQ's ARN.
        StackQueues.create(clients.sqs(), this::physicalName, resources.values(), refs, attributes, intrinsics, region)
                .forEach(url -> cleanups.add(() -> StackQueues.delete(clients.sqs(), url)));
        for (Resource r : template.resourcesOfType("AWS::ApiGateway::UsagePlan")) {
            // Named as CloudFormation names it: the auth function finds its tiers' plans by name.
            Object planName = r.properties().get("UsagePlanName");
            String id = StackUsagePlans.create(
                    clients.apiGateway(),
                    planName == null ? physicalName(r.logicalId()) : intrinsics.text(planName),
                    r.properties(),
                    intrinsics);
            refs.put(r.logicalId(), id);
            cleanups.add(() -> StackUsagePlans.delete(clients.apiGateway(), id));
        }
    }

    private String physicalName(String logicalId) {
        return name + "-" + logicalId;
    }

    private void deleteTable(String table) {
        try {
            clients.dynamoDb().deleteTable(b -> b.tableName(table));
        } catch (ResourceNotFoundException ignored) {
            // already gone
        }
    }

    /** Deletes everything this stack created (tests call it; the local runtime keeps its stack). */
    @Override
    public void close() {
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            try {
                cleanups.get(i).run();
            } catch (RuntimeException e) {
                System.err.println("emulated stack " + name + ": cleanup failed: " + e);
            }
        }
        cleanups.clear();
    }

    /** The emulator's clients, built once per stack. */
    public static final class EmulatorClients {
        private final dev.mana.platform.AwsClients aws;
        private DynamoDbClient dynamoDb;
        private SqsClient sqs;
        private S3Client s3;
        private KmsClient kms;
        private ApiGatewayClient apiGateway;

        EmulatorClients(URI endpoint, String region) {
            this.aws = dev.mana.platform.AwsClients.of(
                    software.amazon.awssdk.regions.Region.of(region),
                    java.util.Optional.of(endpoint),
                    software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")));
        }

        public synchronized DynamoDbClient dynamoDb() {
            return dynamoDb == null ? dynamoDb = aws.dynamoDb() : dynamoDb;
        }

        public synchronized SqsClient sqs() {
            return sqs == null ? sqs = aws.sqs() : sqs;
        }

        public synchronized S3Client s3() {
            return s3 == null ? s3 = aws.s3() : s3;
        }

        public synchronized KmsClient kms() {
            return kms == null ? kms = aws.kms() : kms;
        }

        public synchronized ApiGatewayClient apiGateway() {
            return apiGateway == null
                    ? apiGateway = aws.configure(ApiGatewayClient.builder()).build()
                    : apiGateway;
        }
    }
}
