package dev.mana.emulator;

import dev.mana.emulator.Template.Resource;
import dev.mana.platform.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Creates the AWS::SQS::Queue resources in the emulator, dead-letter queues first. */
final class StackQueues {
    private StackQueues() {}

    /** Returns the created queue URLs. */
    static List<String> create(
            SqsClient sqs,
            UnaryOperator<String> physicalName,
            Collection<Resource> resources,
            Map<String, String> refs,
            Map<String, Map<String, String>> attributes,
            Intrinsics intrinsics,
            String region) {
        var queues = resources.stream()
                .filter(r -> r.type().equals("AWS::SQS::Queue"))
                .toList();
        var ordered = new ArrayList<Resource>();
        queues.stream()
                .filter(q -> !q.properties().containsKey("RedrivePolicy"))
                .forEach(ordered::add);
        queues.stream().filter(q -> q.properties().containsKey("RedrivePolicy")).forEach(ordered::add);
        var urls = new ArrayList<String>();
        for (Resource queue : ordered) {
            String name = physicalName.apply(queue.logicalId());
            var queueAttributes = new LinkedHashMap<QueueAttributeName, String>();
            queue.properties().forEach((key, value) -> {
                switch (key) {
                    case "VisibilityTimeout" ->
                        queueAttributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, intrinsics.text(value));
                    case "MessageRetentionPeriod" ->
                        queueAttributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, intrinsics.text(value));
                    case "RedrivePolicy" -> {
                        var policy = new LinkedHashMap<String, Object>();
                        Template.map(value).forEach((k, v) -> policy.put(k, intrinsics.resolve(v)));
                        queueAttributes.put(QueueAttributeName.REDRIVE_POLICY, Json.write(policy));
                    }
                    default -> {}
                }
            });
            String url = sqs.createQueue(b -> b.queueName(name).attributes(queueAttributes))
                    .queueUrl();
            String arn = "arn:aws:sqs:" + region + ":" + EmulatedStack.ACCOUNT_ID + ":" + name;
            refs.put(queue.logicalId(), url);
            attributes.put(queue.logicalId(), Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
            urls.add(url);
        }
        return urls;
    }

    static void delete(SqsClient sqs, String url) {
        try {
            sqs.deleteQueue(b -> b.queueUrl(url));
        } catch (QueueDoesNotExistException gone) {
            // already deleted
        }
    }
}
