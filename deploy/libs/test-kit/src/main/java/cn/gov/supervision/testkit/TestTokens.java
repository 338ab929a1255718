package cn.gov.supervision.testkit;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens for the tests, signed like an identity provider would sign them: RS256 with a key pair made for
 * this test JVM (never a key kept in the repository). The service under test and its neighbour processes are told
 * to trust the public key, {@link #ISSUER} and {@link #AUDIENCE}; a token signed with {@link #forged any other key}
 * or {@link #forOtherAudience issued to another application} is refused.
 */
public final class TestTokens {

    public static final String ISSUER = "https://supervision.test/issuer";
    /** The audience every service expects by default ({@code mp.jwt.verify.audiences}); every test token names it. */
    public static final String AUDIENCE = "supervision";

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final KeyPair TRUSTED = newKeyPair();
    private static final KeyPair STRANGER = newKeyPair();
    private static final Path KEY_DIRECTORY = writeKeys();

    private TestTokens() {
    }

    public static String admin() {
        return person("test-admin", "admin", null);
    }

    public static String supervisor() {
        return person("test-supervisor", "supervisor", null);
    }

    public static String viewer() {
        return person("test-viewer", "viewer", null);
    }

    /** A {@code unit} user acting for {@code unitId}. */
    public static String unit(UUID unitId) {
        return person("test-unit-" + unitId, "unit", unitId);
    }

    /** A person with the given role ({@code groups}) and, when not null, {@code unit_id}. */
    public static String person(String subject, String role, UUID unitId) {
        return named(subject, null, role, unitId);
    }

    /** Like {@link #person}, with the readable name an identity provider puts in {@code preferred_username} if any. */
    public static String named(String subject, String preferredUsername, String role, UUID unitId) {
        JwtClaimsBuilder claims = claims(subject, Instant.now().plus(LIFETIME)).groups(Set.of(role));
        if (preferredUsername != null) {
            claims.preferredUserName(preferredUsername);
        }
        if (unitId != null) {
            claims.claim("unit_id", unitId.toString());
        }
        return claims.jws().keyId("test").sign(TRUSTED.getPrivate());
    }

    /** A well-signed admin token that expired a while ago (beyond any clock skew allowed). */
    public static String expired() {
        return claims("test-admin", Instant.now().minus(Duration.ofHours(2))).groups(Set.of("admin"))
                .issuedAt(Instant.now().minus(Duration.ofHours(3))).jws().keyId("test").sign(TRUSTED.getPrivate());
    }

    /** An admin token exactly like {@link #admin()} but signed with a key nobody trusts. */
    public static String forged() {
        return claims("test-admin", Instant.now().plus(LIFETIME)).groups(Set.of("admin"))
                .jws().keyId("test").sign(STRANGER.getPrivate());
    }

    /** An admin token from another issuer, signed with the trusted key. */
    public static String fromOtherIssuer() {
        return Jwt.issuer("https://elsewhere.example/issuer").subject("test-admin").groups(Set.of("admin"))
                .expiresAt(Instant.now().plus(LIFETIME)).jws().keyId("test").sign(TRUSTED.getPrivate());
    }

    /**
     * An admin token from the trusted issuer, signed with the trusted key, but issued to another application of the
     * same identity provider: the services must not take it as theirs.
     */
    public static String forOtherAudience() {
        return Jwt.issuer(ISSUER).audience("another-application").subject("test-admin").upn("test-admin")
                .groups(Set.of("admin")).expiresAt(Instant.now().plus(LIFETIME)).jws().keyId("test")
                .sign(TRUSTED.getPrivate());
    }

    /** Where the trusted public key is, as PEM, for {@code mp.jwt.verify.publickey.location}. */
    public static Path publicKeyFile() {
        return KEY_DIRECTORY.resolve("public.pem");
    }

    /** Where the trusted private key is, as PEM (PKCS#8), for whoever mints tokens in a test (the gateway). */
    public static Path privateKeyFile() {
        return KEY_DIRECTORY.resolve("private.pem");
    }

    public static PrivateKey privateKey() {
        return TRUSTED.getPrivate();
    }

    /** The configuration that makes a Quarkus application under test trust these tokens. */
    public static Map<String, String> config() {
        return Map.of("mp.jwt.verify.publickey.location", publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.audiences", AUDIENCE);
    }

    /** The same, as environment variables for a service started as a process. */
    public static Map<String, String> environment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyFile().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", ISSUER, "MP_JWT_VERIFY_AUDIENCES", AUDIENCE);
    }

    /**
     * Makes every rest-assured request of this test JVM carry {@code token}, unless the request sets an Authorization
     * header of its own (or is {@link #anonymous()}).
     */
    public static void actAs(String token) {
        List<Filter> others = RestAssured.filters().stream().filter(f -> !(f instanceof DefaultCaller)).toList();
        RestAssured.replaceFiltersWith(others);
        RestAssured.filters(new DefaultCaller(bearer(token)));
    }

    /** A request with no credential at all, whatever {@link #actAs} set as the default. */
    public static RequestSpecification anonymous() {
        return RestAssured.given().noFiltersOfType(DefaultCaller.class);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Adds the default caller's credential to requests that carry none. */
    private record DefaultCaller(String authorization) implements Filter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", authorization);
            }
            return context.next(request, response);
        }
    }

    private static JwtClaimsBuilder claims(String subject, Instant expiresAt) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).expiresAt(expiresAt);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has RSA", e);
        }
    }

    private static Path writeKeys() {
        try {
            Path directory = Files.createTempDirectory("supervision-test-keys-");
            directory.toFile().deleteOnExit();
            Path publicKey = directory.resolve("public.pem");
            Path privateKey = directory.resolve("private.pem");
            Files.writeString(publicKey, pem("PUBLIC KEY", TRUSTED.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(privateKey, pem("PRIVATE KEY", TRUSTED.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            publicKey.toFile().deleteOnExit();
            privateKey.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test key pair", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
