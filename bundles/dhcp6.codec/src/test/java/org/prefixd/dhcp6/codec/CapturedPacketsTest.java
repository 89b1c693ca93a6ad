package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every packet captured from real DHCPv6 software (src/test/resources/captures, made by
 * capture.sh) decodes to what its expected.json records — the values read independently by
 * describe.py from the same bytes — and re-encodes to the same bytes.
 */
class CapturedPacketsTest {
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private static Path captures() throws URISyntaxException {
        return Path.of(CapturedPacketsTest.class.getResource("/captures").toURI());
    }

    private static List<Path> directories() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(captures())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("expected.json"))).sorted().toList();
        }
    }

    @Test
    void capturesCoverEveryServerClientAndMessageTypeTheIssueNames() throws Exception {
        List<String> names = directories().stream().map(d -> d.getFileName().toString()).toList();
        for (String server : List.of("kea", "dhcpd", "dhcp6s", "dnsmasq"))
            assertTrue(names.stream().anyMatch(n -> n.startsWith(server + "-")), "no capture from " + server + " in " + names);
        for (String client : List.of("dhcpcd", "dhclient", "dhcp6c"))
            assertTrue(names.stream().anyMatch(n -> n.contains("-" + client)), "no capture from " + client + " in " + names);
        List<String> types = new ArrayList<>();
        for (Path dir : directories())
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".bin")).map(f -> f.split("-", 2)[1]).forEach(types::add);
            }
        for (String type : List.of("solicit", "advertise", "request", "reply", "renew", "rebind", "release", "information-request"))
            assertTrue(types.stream().anyMatch(t -> t.startsWith(type + "-")), "no captured " + type);
    }

    @TestFactory
    Stream<DynamicTest> everyCapturedPacketDecodesToWhatTheServerSentAndReencodesToTheSameBytes() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : directories()) {
            JsonObject expected;
            try (Reader in = Files.newBufferedReader(dir.resolve("expected.json"))) {
                expected = JSON.createReader(in).readObject();
            }
            for (JsonValue v : expected.getJsonArray("messages")) {
                JsonObject packet = v.asJsonObject();
                Path file = dir.resolve(packet.getString("file"));
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + "/" + file.getFileName(), () -> check(file, packet)));
            }
        }
        assertFalse(tests.isEmpty(), "no captured packets found");
        return tests.stream();
    }

    private static void check(Path file, JsonObject expected) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(expected.getInt("length"), bytes.length, "file length");
        Message message = Dhcp6Codec.decode(bytes);
        assertArrayEquals(bytes, Dhcp6Codec.encode(message), "re-encoding differs from the captured bytes");
        assertEquals(expected.getInt("msg_type"), message.type().code(), "message type");
        ClientServerMessage cs = assertInstanceOf(ClientServerMessage.class, message);
        assertEquals(Integer.parseInt(expected.getString("transaction_id"), 16), cs.transactionId(), "transaction id");
        assertEquals(ints(expected.getJsonArray("option_codes")), codes(cs.options()), "top-level option codes in order");
        Options options = cs.options();

        if (expected.containsKey("client_id"))
            assertEquals(expected.getString("client_id"), options.get(ClientId.class).orElseThrow().duid().bytes().hex(), "client DUID");
        if (expected.containsKey("server_id"))
            assertEquals(expected.getString("server_id"), options.get(ServerId.class).orElseThrow().duid().bytes().hex(), "server DUID");
        if (expected.containsKey("elapsed_time"))
            assertEquals(expected.getInt("elapsed_time"), options.get(ElapsedTime.class).orElseThrow().hundredths(), "elapsed time");
        if (expected.containsKey("preference"))
            assertEquals(expected.getInt("preference"), options.get(Preference.class).orElseThrow().value(), "preference");
        if (expected.containsKey("information_refresh_time"))
            assertEquals(expected.getJsonNumber("information_refresh_time").longValue(),
                    options.get(InformationRefreshTime.class).orElseThrow().seconds(), "information refresh time");
        if (expected.containsKey("oro"))
            assertEquals(ints(expected.getJsonArray("oro")), options.get(OptionRequest.class).orElseThrow().codes(), "ORO");
        if (expected.containsKey("dns_servers"))
            assertEquals(addresses(expected.getJsonArray("dns_servers")), options.get(DnsServers.class).orElseThrow().addresses(), "DNS");
        if (expected.containsKey("sntp_servers"))
            assertEquals(addresses(expected.getJsonArray("sntp_servers")), options.get(SntpServers.class).orElseThrow().addresses(), "SNTP");
        if (expected.containsKey("sip_server_addresses"))
            assertEquals(addresses(expected.getJsonArray("sip_server_addresses")),
                    options.get(SipServerAddresses.class).orElseThrow().addresses(), "SIP addresses");
        if (expected.containsKey("domain_list"))
            assertEquals(names(expected.getJsonArray("domain_list")), texts(options.get(DomainList.class).orElseThrow().names()), "domain list");
        if (expected.containsKey("sip_server_domains"))
            assertEquals(names(expected.getJsonArray("sip_server_domains")),
                    texts(options.get(SipServerDomains.class).orElseThrow().names()), "SIP domains");
        if (expected.containsKey("status_codes")) checkStatus(expected.getJsonArray("status_codes"), options, "message");
        if (expected.containsKey("vendor_class")) {
            JsonObject vc = expected.getJsonObject("vendor_class");
            VendorClass actual = options.get(VendorClass.class).orElseThrow();
            assertEquals(vc.getJsonNumber("enterprise").longValue(), actual.enterpriseNumber(), "vendor class enterprise");
            assertEquals(strings(vc.getJsonArray("data")), actual.data().stream().map(Bytes::hex).toList(), "vendor class data");
        }
        if (expected.containsKey("vendor_opts")) {
            List<VendorOptions> actual = options.all(VendorOptions.class);
            JsonArray vos = expected.getJsonArray("vendor_opts");
            assertEquals(vos.size(), actual.size(), "vendor options count");
            for (int i = 0; i < vos.size(); i++) {
                JsonObject vo = vos.getJsonObject(i);
                assertEquals(vo.getJsonNumber("enterprise").longValue(), actual.get(i).enterpriseNumber(), "vendor options enterprise");
                JsonArray subs = vo.getJsonArray("suboptions");
                assertEquals(subs.size(), actual.get(i).suboptions().size(), "vendor suboptions");
                for (int j = 0; j < subs.size(); j++) {
                    assertEquals(subs.getJsonObject(j).getInt("code"), actual.get(i).suboptions().get(j).code());
                    assertEquals(subs.getJsonObject(j).getString("hex"), actual.get(i).suboptions().get(j).data().hex());
                }
            }
        }
        if (expected.containsKey("rapid_commit")) assertTrue(options.get(RapidCommit.class).isPresent(), "rapid commit");
        if (expected.containsKey("ia_na")) {
            JsonArray ias = expected.getJsonArray("ia_na");
            List<IaNa> actual = options.all(IaNa.class);
            assertEquals(ias.size(), actual.size(), "IA_NA count");
            for (int i = 0; i < ias.size(); i++) {
                JsonObject ia = ias.getJsonObject(i);
                IaNa na = actual.get(i);
                checkIa(ia, na.iaid(), na.t1(), na.t2(), na.options(), "IA_NA");
                JsonArray addrs = ia.getJsonArray("addresses");
                assertEquals(addrs.size(), na.addresses().size(), "IAADDR count");
                for (int j = 0; j < addrs.size(); j++) {
                    JsonObject a = addrs.getJsonObject(j);
                    IaAddress addr = na.addresses().get(j);
                    assertEquals(address(a.getString("address")), addr.address(), "IAADDR address");
                    assertEquals(a.getJsonNumber("preferred").longValue(), addr.preferredLifetime(), "IAADDR preferred");
                    assertEquals(a.getJsonNumber("valid").longValue(), addr.validLifetime(), "IAADDR valid");
                    checkStatus(a.getJsonArray("status_codes"), addr.options(), "IAADDR");
                }
            }
        }
        if (expected.containsKey("ia_pd")) {
            JsonArray ias = expected.getJsonArray("ia_pd");
            List<IaPd> actual = options.all(IaPd.class);
            assertEquals(ias.size(), actual.size(), "IA_PD count");
            for (int i = 0; i < ias.size(); i++) {
                JsonObject ia = ias.getJsonObject(i);
                IaPd pd = actual.get(i);
                checkIa(ia, pd.iaid(), pd.t1(), pd.t2(), pd.options(), "IA_PD");
                JsonArray prefixes = ia.getJsonArray("prefixes");
                assertEquals(prefixes.size(), pd.prefixes().size(), "IAPREFIX count");
                for (int j = 0; j < prefixes.size(); j++) {
                    JsonObject p = prefixes.getJsonObject(j);
                    IaPrefix prefix = pd.prefixes().get(j);
                    assertEquals(address(p.getString("prefix")), prefix.prefix(), "IAPREFIX prefix");
                    assertEquals(p.getInt("prefix_length"), prefix.prefixLength(), "IAPREFIX length");
                    assertEquals(p.getJsonNumber("preferred").longValue(), prefix.preferredLifetime(), "IAPREFIX preferred");
                    assertEquals(p.getJsonNumber("valid").longValue(), prefix.validLifetime(), "IAPREFIX valid");
                    checkStatus(p.getJsonArray("status_codes"), prefix.options(), "IAPREFIX");
                }
            }
        }
    }

    private static void checkIa(JsonObject ia, long iaid, long t1, long t2, Options options, String what) {
        assertEquals(ia.getJsonNumber("iaid").longValue(), iaid, what + " IAID");
        assertEquals(ia.getJsonNumber("t1").longValue(), t1, what + " T1");
        assertEquals(ia.getJsonNumber("t2").longValue(), t2, what + " T2");
        assertEquals(ints(ia.getJsonArray("option_codes")), codes(options), what + " option codes");
        checkStatus(ia.getJsonArray("status_codes"), options, what);
    }

    private static void checkStatus(JsonArray expected, Options options, String where) {
        List<StatusCode> actual = options.all(StatusCode.class);
        assertEquals(expected.size(), actual.size(), where + " status codes");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.getJsonObject(i).getInt("code"), actual.get(i).status(), where + " status code");
            assertEquals(expected.getJsonObject(i).getString("message"), actual.get(i).message(), where + " status message");
        }
    }

    private static List<Integer> codes(Options options) {
        return options.list().stream().map(Option::code).toList();
    }

    private static <T> List<T> map(JsonArray array, Function<JsonValue, T> f) {
        return array.stream().map(f).toList();
    }

    private static List<Integer> ints(JsonArray array) {
        return map(array, v -> ((jakarta.json.JsonNumber) v).intValue());
    }

    private static List<String> strings(JsonArray array) {
        return map(array, v -> ((jakarta.json.JsonString) v).getString());
    }

    /** describe.py writes names without a final dot; an older expected.json had one. */
    private static List<String> names(JsonArray array) {
        return map(array, v -> {
            String s = ((jakarta.json.JsonString) v).getString();
            return s.endsWith(".") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
        });
    }

    private static List<String> texts(List<DomainName> names) {
        return names.stream().map(DomainName::text).toList();
    }

    private static List<Inet6Address> addresses(JsonArray array) {
        return map(array, v -> address(((jakarta.json.JsonString) v).getString()));
    }

    private static Inet6Address address(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text); // literals from the test's own resources
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
