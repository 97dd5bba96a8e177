package dev.mana.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * One function as Lambda isolates it: its deployment jar in its own class loader (nothing of
 * the local runtime visible to it), its own environment from template.yaml, its real handler
 * ({@code FunctionInvoker}) built once, and one invocation at a time, like one container.
 */
final class FunctionSandbox implements AutoCloseable {
    private final String name;
    private final URLClassLoader loader;
    private final Object invoker;
    private final Method handleRequest;
    private final Class<?> contextType;
    private final long initMillis;

    private FunctionSandbox(
            String name,
            URLClassLoader loader,
            Object invoker,
            Method handleRequest,
            Class<?> contextType,
            long initMillis) {
        this.name = name;
        this.loader = loader;
        this.invoker = invoker;
        this.handleRequest = handleRequest;
        this.contextType = contextType;
        this.initMillis = initMillis;
    }

    /** {@code handler} is template.yaml's {@code Class::method}; the class is built once, as Lambda does. */
    static FunctionSandbox load(String name, Path jar, String handler, Map<String, String> environment)
            throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests package");
        }
        long started = System.nanoTime();
        var loader = new URLClassLoader(name, new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Object invoker = inLoader(loader, () -> {
            // The function's own copy of Environment: the variables template.yaml gives it.
            loader.loadClass("dev.mana.platform.Environment")
                    .getMethod("override", Map.class)
                    .invoke(null, environment);
            return loader.loadClass(handler.split("::")[0]).getConstructor().newInstance();
        });
        Class<?> contextType = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
        Method handle =
                invoker.getClass().getMethod("handleRequest", InputStream.class, OutputStream.class, contextType);
        return new FunctionSandbox(
                name, loader, invoker, handle, contextType, (System.nanoTime() - started) / 1_000_000);
    }

    String name() {
        return name;
    }

    long initMillis() {
        return initMillis;
    }

    synchronized byte[] invoke(byte[] event) throws Exception {
        var output = new ByteArrayOutputStream();
        Object context = context();
        inLoader(loader, () -> {
            try {
                return handleRequest.invoke(invoker, new ByteArrayInputStream(event), output, context);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        });
        return output.toByteArray();
    }

    /** The runtime's per-invocation Context, made for the function's own copy of the interface. */
    private Object context() {
        String requestId = UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + 29_000;
        return Proxy.newProxyInstance(
                loader, new Class<?>[] {contextType}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName", "getLogStreamName" -> name;
                    case "getLogGroupName" -> "/aws/lambda/" + name;
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:123456789012:function:" + name;
                    case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
                    case "getMemoryLimitInMB" -> 1024;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "Context[" + name + "]";
                    default -> null;
                });
    }

    private static <T> T inLoader(ClassLoader loader, Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws Exception {
        loader.close();
    }
}
