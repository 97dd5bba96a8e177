package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The local runtime's SQS event source against real queues: batches, partial failures, DLQ. */
@ExtendWith(AwsEmulatorExtension.class)
class QueueFeederIT {
    SqsClient sqs;
    String queue;
    String deadLetters;
    String arn;
    final List<String> received = new ArrayList<>();

    @BeforeEach
    void setUp(EmulatedStack stack) {
        sqs = stack.clients().sqs();
        queue = stack.ref("ExtractQueue");
        deadLetters = stack.ref("ExtractDeadLetterQueue");
        arn = stack.attribute("ExtractQueue", "Arn");
        // Failed messages come straight back instead of after the deployed 90-minute timeout.
        sqs.setQueueAttributes(b -> b.queueUrl(queue).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "0")));
        purge();
    }

    void purge() {
        for (String url : List.of(queue, deadLetters)) {
            while (!sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))
                    .messages()
                    .isEmpty()) {
                sqs.purgeQueue(b -> b.queueUrl(url));
            }
        }
    }

    /** A worker that fails the records whose body is in {@code failing}. */
    QueueFeeder.Worker worker(List<String> failing) {
        return event -> {
            var failures = new ArrayList<Map<String, String>>();
            for (var record : Json.mapper().readTree(event).path("Records")) {
                received.add(record.path("body").asText());
                assertThat(record.path("eventSourceARN").asText()).isEqualTo(arn);
                if (failing.contains(record.path("body").asText())) {
                    failures.add(
                            Map.of("itemIdentifier", record.path("messageId").asText()));
                }
            }
            return Json.write(Map.of("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8);
        };
    }

    int visibleMessages(String url) {
        return Integer.parseInt(sqs.getQueueAttributes(
                        b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Test
    void partialBatchFailure_deletesTheProcessed_andKeepsTheFailed() {
        for (String body : List.of("a", "b", "c"))
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body));
        var feeder = new QueueFeeder(sqs, queue, arn, 10, true, worker(List.of("b")));

        int polled = 0;
        for (int i = 0; i < 5 && polled < 3; i++) polled += feeder.pollOnce();

        assertThat(received).contains("a", "b", "c");
        var left = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10))
                .messages();
        assertThat(left).extracting(m -> m.body()).containsExactly("b");
    }

    @Test
    void failedInvocation_leavesTheWholeBatch() {
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("x"));
        var feeder = new QueueFeeder(sqs, queue, arn, 10, true, event -> {
            throw new IllegalStateException("worker crashed");
        });

        assertThat(feeder.pollOnce()).isEqualTo(1);

        assertThat(visibleMessages(queue)).isEqualTo(1);
    }

    @Test
    void poisonMessage_reachesTheDeadLetterQueue_afterMaxReceives() {
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("poison"));
        var feeder = new QueueFeeder(sqs, queue, arn, 10, true, worker(List.of("poison")));

        for (int i = 0; i < 10 && visibleMessages(deadLetters) == 0; i++) feeder.pollOnce();

        // template.yaml's maxReceiveCount is 5: five attempts, then the DLQ.
        assertThat(received).hasSize(5).containsOnly("poison");
        var dead = sqs.receiveMessage(b -> b.queueUrl(deadLetters).maxNumberOfMessages(10))
                .messages();
        assertThat(dead).extracting(m -> m.body()).containsExactly("poison");
    }
}
