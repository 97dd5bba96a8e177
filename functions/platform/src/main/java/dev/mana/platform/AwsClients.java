package dev.mana.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds AWS SDK clients the way Lambda's start-up guide recommends: region and credentials
 * provider set explicitly (no provider-chain probing at cold start) and the lightweight
 * URL-connection HTTP client. {@code AWS_ENDPOINT_URL} points every client at the emulator.
 * Build clients once per container, at init, and keep them.
 */
public final class AwsClients {
    private final Region region;
    private final Optional<URI> endpoint;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient httpClient;

    private AwsClients(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** From AWS_REGION, AWS_ENDPOINT_URL and the AWS_* credential variables Lambda sets. */
    public static AwsClients fromEnvironment() {
        Region region = Region.of(Environment.get("AWS_REGION", "us-east-1"));
        Optional<URI> endpoint = Environment.get("AWS_ENDPOINT_URL").map(URI::create);
        return new AwsClients(region, endpoint, credentials(endpoint.isPresent()));
    }

    /** Explicit settings, for tools that talk to the emulator beside a function's own configuration. */
    public static AwsClients of(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        return new AwsClients(region, endpoint, credentials);
    }

    private static AwsCredentialsProvider credentials(boolean emulated) {
        var accessKey = Environment.get("AWS_ACCESS_KEY_ID");
        var secretKey = Environment.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() && secretKey.isPresent()) {
            var token = Environment.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(
                    token.isPresent()
                            ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), token.get())
                            : AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
        }
        if (emulated) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        }
        // ECS tasks (the GPU workers) get credentials from the container endpoint.
        return DefaultCredentialsProvider.builder().build();
    }

    public Region region() {
        return region;
    }

    public Optional<URI> endpoint() {
        return endpoint;
    }

    public DynamoDbClient dynamoDb() {
        return configure((DynamoDbClientBuilder) DynamoDbClient.builder()).build();
    }

    public SqsClient sqs() {
        return configure((SqsClientBuilder) SqsClient.builder()).build();
    }

    public KmsClient kms() {
        return configure((KmsClientBuilder) KmsClient.builder()).build();
    }

    public S3Client s3() {
        return configure((S3ClientBuilder) S3Client.builder())
                .forcePathStyle(endpoint.isPresent())
                .build();
    }

    public S3Presigner s3Presigner() {
        var builder = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(endpoint.isPresent())
                        .build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** For clients of services not listed here: sets region, credentials, endpoint and HTTP client. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region).credentialsProvider(credentials).httpClient(httpClient);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
