package dev.mana.platform.jobs.worker;

import dev.mana.platform.Log;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The long-running worker of an ECS service: long-polls one queue, runs each message's job
 * through the {@link Worker} with visibility heartbeats, and stops gracefully: {@link #stop}
 * (also run by the SIGTERM hook {@link #stopOnShutdown}) stops receiving, lets the current job
 * reach its next checkpoint and gives its message back at once (visibility 0) for another
 * worker to resume.
 */
public final class QueuePoller implements AutoCloseable {
    private final SqsClient sqs;
    private final String queueUrl;
    private final Worker worker;
    private final int waitSeconds;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Thread thread;

    /** @param waitSeconds long-poll wait (20 in production, the most SQS allows) */
    public QueuePoller(SqsClient sqs, String queueUrl, Worker worker, int waitSeconds) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.worker = worker;
        this.waitSeconds = waitSeconds;
    }

    /** Polls on a new thread until {@link #stop}. */
    public QueuePoller start() {
        thread = new Thread(this::run, "queue-poller");
        thread.start();
        return this;
    }

    /** Polls on this thread until {@link #stop}: the main loop of a worker container. */
    public void run() {
        try {
            while (!stopping) {
                var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                                .maxNumberOfMessages(1)
                                .waitTimeSeconds(waitSeconds)
                                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .messages();
                if (messages.isEmpty() && waitSeconds == 0) idle();
                for (var message : messages) {
                    if (stopping) {
                        visibility(message, 0);
                    } else {
                        try {
                            handle(message);
                        } catch (RuntimeException e) {
                            // The message comes back after its visibility timeout: nothing is lost.
                            Log.error("job message not settled", e, "messageId", message.messageId());
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) Log.error("queue poller stopped on an error", e, "queue", queueUrl);
        } finally {
            stopped.countDown();
        }
    }

    private static void idle() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Message message) {
        int count = Integer.parseInt(
                message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        Disposition disposition;
        try {
            disposition =
                    worker.handle(message.body(), count, v -> visibility(message, (int) v.toSeconds()), () -> stopping);
        } catch (RuntimeException e) {
            Log.error("job message failed", e, "messageId", message.messageId());
            disposition = Disposition.retry(worker.settings().backoff(count));
        }
        switch (disposition.action()) {
            case DELETE -> sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            case RETRY -> visibility(message, (int) disposition.visibility().toSeconds());
            case RETURN -> visibility(message, 0);
        }
    }

    private void visibility(Message message, int seconds) {
        sqs.changeMessageVisibility(
                c -> c.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(seconds));
    }

    /**
     * Stops receiving, lets the current job reach a checkpoint and give its message back, and
     * waits up to {@code grace} for that. @return whether the poller stopped within it
     */
    public boolean stop(Duration grace) throws InterruptedException {
        stopping = true;
        return stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Registers a shutdown hook (ECS sends SIGTERM, then SIGKILL after the stop timeout) that stops gracefully. */
    public QueuePoller stopOnShutdown(Duration grace) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                stop(grace);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "queue-poller-shutdown"));
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
