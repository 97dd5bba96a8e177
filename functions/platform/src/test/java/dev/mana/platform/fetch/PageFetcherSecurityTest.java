package dev.mana.platform.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mana.platform.fetch.FetchFailure.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal is proven with the allow-list empty, against a real server that must stay unasked. */
class PageFetcherSecurityTest {

    private LoopbackServer server;
    private final PageFetcher guarded = new PageFetcher(FetchPolicy.defaults());

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer().html("/", "<p>secret</p>");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Reason reasonOf(PageFetcher f, String url) {
        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> f.fetch(url));
        assertThat(failure).as("fetch of %s must fail", url).isNotNull();
        return failure.reason();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hook",
                "http://localhost/",
                "http://10.0.0.1/",
                "http://169.254.169.254/",
                "ftp://example.com/",
                "not a url"
            })
    void check_refusesWhatAFetchWouldRefuse_withoutConnecting(String url) {
        assertThat(catchThrowableOfType(FetchFailure.class, () -> guarded.check(url)))
                .isNotNull();
    }

    @Test
    void check_acceptsAnAllowedAddress() throws Exception {
        new PageFetcher(FetchPolicy.withAllowCidrs("127.0.0.0/8")).check(server.url("/"));
        assertThat(server.requests).isEmpty();
    }

    @Test
    void fetch_toLoopbackWithEmptyAllowList_isRefused() {
        assertThat(reasonOf(guarded, server.url("/"))).isEqualTo(Reason.BLOCKED_ADDRESS);
        assertThat(server.requests).isEmpty();
    }

    @Test
    void fetch_toLocalhostName_isRefused() {
        assertThat(reasonOf(guarded, "http://localhost:" + server.port() + "/")).isEqualTo(Reason.BLOCKED_ADDRESS);
        assertThat(server.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2130706433",
                "0x7f.1",
                "017700000001",
                "0x7f000001",
                "127.1",
                "0177.0.0.1",
                "0x7F.0.0.0x1",
                "127.0.0.1."
            })
    void fetch_toLoopbackInNumericSpelling_isRefused(String host) {
        assertThat(reasonOf(guarded, "http://" + host + ":" + server.port() + "/"))
                .isEqualTo(Reason.BLOCKED_ADDRESS);
        assertThat(server.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[::1]",
                "[::ffff:127.0.0.1]",
                "[::ffff:7f00:1]",
                "[::127.0.0.1]",
                "[64:ff9b::7f00:1]",
                "[2002:7f00:1::]",
                "[::ffff:0:7f00:1]",
                "[0:0:0:0:0:ffff:a9fe:a9fe]"
            })
    void fetch_toLoopbackOrMetadataInIpv6Form_isRefused(String host) {
        assertThat(reasonOf(guarded, "http://" + host + ":" + server.port() + "/"))
                .isEqualTo(Reason.BLOCKED_ADDRESS);
        assertThat(server.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "169.254.169.254",
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1",
                "100.64.0.1",
                "100.127.255.254",
                "0.0.0.0",
                "0",
                "224.0.0.1",
                "239.255.255.250",
                "255.255.255.255",
                "240.0.0.1",
                "192.0.2.1",
                "198.18.0.1",
                "[::]",
                "[fc00::1]",
                "[fd12:3456::1]",
                "[fe80::1]",
                "[fec0::1]",
                "[ff02::1]",
                "[64:ff9b:1::1]",
                "[2001:db8::1]",
                "[2001::1]",
                "[100::1]"
            })
    void fetch_toNonPublicAddress_isRefused(String host) {
        assertThat(reasonOf(guarded, "http://" + host + "/")).isEqualTo(Reason.BLOCKED_ADDRESS);
    }

    @Test
    void fetch_nameResolvingToMetadataAddress_isRefused() {
        PageFetcher f = new PageFetcher(
                FetchPolicy.defaults(), host -> new InetAddress[] {InetAddress.getByName("169.254.169.254")});
        assertThat(reasonOf(f, "http://metadata.example/latest/")).isEqualTo(Reason.BLOCKED_ADDRESS);
    }

    @Test
    void fetch_nameWithOnePrivateAnswerAmongPublic_isRefused() {
        PageFetcher f = new PageFetcher(FetchPolicy.defaults(), host ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1")});
        assertThat(reasonOf(f, "http://mixed.example/")).isEqualTo(Reason.BLOCKED_ADDRESS);
    }

    @Test
    void fetch_redirectFromAllowedHostToLoopback_isRefusedAtTheHop() {
        // Only 127.0.0.1 is opened; the redirect goes to another loopback address.
        server.redirect("/hop", "http://0x7f000002:" + server.port() + "/");
        PageFetcher f = new PageFetcher(FetchPolicy.withAllowCidrs("127.0.0.1/32"));
        assertThat(reasonOf(f, server.url("/hop"))).isEqualTo(Reason.BLOCKED_ADDRESS);
        assertThat(server.requests).extracting(LoopbackServer.Seen::path).containsExactly("/hop");
    }

    @Test
    void fetch_redirectToMetadataService_isRefused() {
        server.redirect("/meta", "http://169.254.169.254/latest/meta-data/");
        PageFetcher f = new PageFetcher(FetchPolicy.withAllowCidrs("127.0.0.1/32"));
        assertThat(reasonOf(f, server.url("/meta"))).isEqualTo(Reason.BLOCKED_ADDRESS);
    }

    @Test
    void fetch_redirectToFileScheme_isUnsupportedScheme() {
        server.redirect("/file", "file:///etc/passwd");
        PageFetcher f = new PageFetcher(FetchPolicy.withAllowCidrs("127.0.0.1/32"));
        assertThat(reasonOf(f, server.url("/file"))).isEqualTo(Reason.UNSUPPORTED_SCHEME);
    }

    @Test
    void fetch_dnsRebinding_connectsToTheCheckedAddressOnly() throws Exception {
        // First answer is allowed, every later one points inside the network: a rebinding attack.
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> {
            if (lookups.incrementAndGet() == 1) {
                return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            }
            return new InetAddress[] {InetAddress.getByName("10.0.0.1")};
        };
        PageFetcher f = new PageFetcher(FetchPolicy.withAllowCidrs("127.0.0.1/32"), rebinding);
        FetchedPage page = f.fetch("http://rebind.example:" + server.port() + "/");
        assertThat(page.body()).contains("secret");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void fetch_allowListNamesOnlyItsRange() throws UnknownHostException {
        AddressGuard guard = new AddressGuard(FetchPolicy.parseCidrs("127.0.0.0/8, 10.1.0.0/16"), HostResolver.SYSTEM);
        assertThat(guard.isAllowed(InetAddress.getByName("127.0.0.5"))).isTrue();
        assertThat(guard.isAllowed(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(guard.isAllowed(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(guard.isAllowed(InetAddress.getByName("192.168.0.1"))).isFalse();
        assertThat(guard.isAllowed(InetAddress.getByName("::1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "93.184.216.34",
                "2606:4700:4700::1111",
                "2a00:1450:4001::200e",
                "::ffff:8.8.8.8"
            })
    void publicAddresses_passTheGuard(String address) throws UnknownHostException {
        assertThat(AddressClassifier.isPublic(InetAddress.getByName(address).getAddress()))
                .isTrue();
    }
}
