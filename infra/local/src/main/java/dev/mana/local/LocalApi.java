package dev.mana.local;

import dev.mana.emulator.AwsEmulator;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.OpenApi;
import dev.mana.emulator.Template;
import dev.mana.platform.Environment;
import dev.mana.platform.keys.ApiKeySecret;
import java.util.Map;

/**
 * {@code infra/local/start}: the whole API on http://localhost:PORT without Docker. Starts or
 * reuses the emulator, creates the resources of template.yaml (stack {@code mana-local},
 * kept between runs), loads every function from its deployment jar and serves openapi.yaml.
 */
public final class LocalApi implements AutoCloseable {
    public static final String STACK = "mana-local";

    private final EmulatedStack stack;
    private final LocalFunctions functions;
    private final LocalGateway gateway;
    private final ApiKeyPlans keys;
    private final java.util.List<QueueFeeder> feeders;

    private LocalApi(
            EmulatedStack stack,
            LocalFunctions functions,
            LocalGateway gateway,
            ApiKeyPlans keys,
            java.util.List<QueueFeeder> feeders) {
        this.feeders = feeders;
        this.stack = stack;
        this.functions = functions;
        this.gateway = gateway;
        this.keys = keys;
    }

    public static LocalApi start(String stackName, int port) throws Exception {
        return start(stackName, port, java.util.Map.of());
    }

    /**
     * With {@code overrides} on top of every function's environment from template.yaml (tests:
     * e.g. {@code MANA_FETCH_ALLOW_CIDRS=127.0.0.0/8} so functions may fetch a loopback site).
     */
    public static LocalApi start(String stackName, int port, java.util.Map<String, String> overrides) throws Exception {
        var stack = EmulatedStack.create(stackName, AwsEmulator.endpoint(), Template.load());
        // Locally the email verification token is printed in the log (no mail is sent).
        var local = new java.util.HashMap<String, String>(overrides);
        local.putIfAbsent("MANA_LOG_VERIFICATION_TOKENS", "true");
        var functions = LocalFunctions.load(stack, local);
        var keys = new ApiKeyPlans(stack.clients().apiGateway());
        var feeders = new java.util.ArrayList<QueueFeeder>();
        LocalGateway gateway;
        try {
            gateway = new LocalGateway(OpenApi.load(), OpenApi.authorizers(), functions, keys, port);
        } catch (Exception e) {
            functions.close();
            throw e;
        }
        var api = new LocalApi(stack, functions, gateway, keys, feeders);
        try {
            gateway.start();
            for (var spec : stack.template().functions()) {
                for (var source : spec.queues()) {
                    var sandbox = functions.get(spec.logicalId());
                    feeders.add(new QueueFeeder(
                                    stack.clients().sqs(),
                                    stack.ref(source.queueLogicalId()),
                                    stack.attribute(source.queueLogicalId(), "Arn"),
                                    source.batchSize(),
                                    source.reportsBatchItemFailures(),
                                    sandbox::invoke)
                            .start());
                }
            }
            Environment.get("MANA_DEMO_KEY").ifPresent(api::createDemoKey);
        } catch (Exception | Error e) {
            api.close(); // frees the port: a failed start must not keep serving
            throw e;
        }
        return api;
    }

    public int port() {
        return gateway.port();
    }

    public EmulatedStack stack() {
        return stack;
    }

    private void createDemoKey(String key) {
        DemoAccount.ensure(stack, keys, key);
        System.out.println("Demo account " + DemoAccount.ACCOUNT_ID + " with key " + ApiKeySecret.displayPrefix(key)
                + "... on the Free plan and " + DemoAccount.CREDITS + " credits");
    }

    public static void main(String[] args) throws Exception {
        QuietStdout.install();
        long started = System.nanoTime();
        LocalApi api;
        Map<String, String> overrides;
        try {
            overrides = LocalEnvironment.overrides(Template.load(), System.getenv());
            api = start(STACK, Environment.getInt("MANA_LOCAL_PORT", 3000), overrides);
        } catch (Exception e) {
            System.err.println("infra/local/start failed: " + rootMessage(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(api::close));
        System.out.printf(
                "%d functions from template.yaml loaded in %.1f s; AWS emulator %s%n",
                api.functions.all().size(), (System.nanoTime() - started) / 1e9, api.stack.endpoint());
        if (!overrides.isEmpty())
            System.out.println("From the environment, over template.yaml: " + String.join(", ", overrides.keySet()));
        System.out.println("Mana API ready on http://localhost:" + api.port());
        Thread.currentThread().join();
    }

    /** The innermost cause's message: what went wrong, not the wrapping of class loaders and Spring. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    @Override
    public void close() {
        gateway.close();
        feeders.forEach(QueueFeeder::close);
        try {
            functions.close();
        } catch (Exception e) {
            System.err.println("closing functions: " + e);
        }
    }
}
