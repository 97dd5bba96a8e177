package dev.mana.emulator;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a fresh set of resources from template.yaml in the AWS emulator (tables,
 * queues, bucket, KMS key, usage plans) under a random stack name, and deletes them after the
 * class. Inject {@link EmulatedStack} into a constructor, a lifecycle method or a test.
 *
 * <pre>{@code @ExtendWith(AwsEmulatorExtension.class) class KeyStoreTest { ... }}</pre>
 */
public final class AwsEmulatorExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AwsEmulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmulatedStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static EmulatedStack stack(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent()
                        && context.getParent().isPresent()
                        && context.getTestMethod().isPresent()
                ? context.getParent().get()
                : context;
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("stack", key -> new ClosingStack(newStack()), ClosingStack.class)
                .stack();
    }

    private static EmulatedStack newStack() {
        String name =
                "t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return EmulatedStack.create(name, AwsEmulator.endpoint(), Template.load());
    }

    /** Deletes the stack when JUnit closes the class's store. */
    @SuppressWarnings("deprecation") // CloseableResource for JUnit before 5.13, AutoCloseable after
    private record ClosingStack(EmulatedStack stack)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
