package dev.mana.stt.worker;

import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.jobs.worker.QueuePoller;
import dev.mana.stt.SttApplication;
import java.time.Duration;

/**
 * The ECS GPU service's entry point: the same worker as the Lambda, long-polling SttQueue with
 * visibility heartbeats (platform's {@link QueuePoller}); {@code STT_DEVICE=gpu} puts the models
 * on the CUDA execution provider (falling back to the CPU). SIGTERM (a scale-in) lets the current
 * job reach its next window and gives its message back for another worker to resume.
 */
public final class GpuWorkerMain {

    private GpuWorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        var aws = AwsClients.fromEnvironment();
        var poller = new QueuePoller(aws.sqs(), Environment.require("STT_QUEUE_URL"), SttApplication.jobWorker(aws), 20)
                .stopOnShutdown(Duration.ofSeconds(100))
                .start();
        Thread.currentThread().join(); // the poller's thread does the work until SIGTERM
    }
}
