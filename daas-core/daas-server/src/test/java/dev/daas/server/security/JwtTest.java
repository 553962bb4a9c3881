package dev.daas.server.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.daas.server.TestingAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWT bearer tokens verified against a JWKS served over HTTP by the test. */
@QuarkusTest
@TestProfile(JwtTest.WithJwt.class)
class JwtTest {
  static final String ISSUER = "https://issuer.test";
  static final String AUDIENCE = "daas-api";

  /** Turns JWT verification on against {@link TestingJwks}. */
  public static class WithJwt implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "daas.security.jwt.issuer",
          ISSUER,
          "daas.security.jwt.jwks-url",
          TestingJwks.url(),
          "daas.security.jwt.audience",
          AUDIENCE,
          "daas.security.jwt.clock-skew",
          "5s");
    }
  }

  private static RsaJsonWebKey key;
  private static RsaJsonWebKey stranger;

  @BeforeAll
  static void keys() throws Exception {
    key = RsaJwkGenerator.generateJwk(2048);
    key.setKeyId("test-key");
    stranger = RsaJwkGenerator.generateJwk(2048);
    stranger.setKeyId("test-key");
    Files.writeString(TestingJwks.FILE, new JsonWebKeySet(key).toJson());
  }

  @BeforeEach
  void setUp() {
    TestingAuth.anonymous();
    TestingSecurity.sourceWithReaderPolicy();
  }

  private static JwtClaims claims(List<String> roles) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject("alice");
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setIssuedAtToNow();
    claims.setStringListClaim("roles", roles);
    return claims;
  }

  private static String sign(JwtClaims claims, RsaJsonWebKey with) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(with.getPrivateKey());
    jws.setKeyIdHeaderValue(with.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  private static int status(String token, String path) {
    return given().header("Authorization", "Bearer " + token).get(path).statusCode();
  }

  @Test
  void acceptsAValidTokenWithRolesFromTheClaim() throws Exception {
    given()
        .header("Authorization", "Bearer " + sign(claims(List.of("admin")), key))
        .get("/admin/v1/keys")
        .then()
        .statusCode(200);
    String reader = sign(claims(List.of("reader")), key);
    given()
        .header("Authorization", "Bearer " + reader)
        .get("/api/v1/sec/t_cust")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(2));
    given()
        .header("Authorization", "Bearer " + reader)
        .get("/admin/v1/keys")
        .then()
        .statusCode(403);
  }

  @Test
  void refusesAForgedToken() throws Exception {
    org.assertj.core.api.Assertions.assertThat(
            status(sign(claims(List.of("admin")), stranger), "/admin/v1/keys"))
        .isEqualTo(401);
  }

  @Test
  void refusesAnExpiredToken() throws Exception {
    JwtClaims claims = claims(List.of("admin"));
    claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
    org.assertj.core.api.Assertions.assertThat(status(sign(claims, key), "/admin/v1/keys"))
        .isEqualTo(401);
  }

  @Test
  void refusesAWrongAudienceOrIssuer() throws Exception {
    JwtClaims audience = claims(List.of("admin"));
    audience.setAudience("another-api");
    org.assertj.core.api.Assertions.assertThat(status(sign(audience, key), "/admin/v1/keys"))
        .isEqualTo(401);
    JwtClaims issuer = claims(List.of("admin"));
    issuer.setIssuer("https://evil.test");
    org.assertj.core.api.Assertions.assertThat(status(sign(issuer, key), "/admin/v1/keys"))
        .isEqualTo(401);
  }

  @Test
  void refusesAnUnsignedToken() throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims(List.of("admin")).toJson());
    jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
    String unsigned = jws.getCompactSerialization();
    org.assertj.core.api.Assertions.assertThat(status(unsigned, "/admin/v1/keys")).isEqualTo(401);
    org.assertj.core.api.Assertions.assertThat(status(unsigned, "/api/v1/sec/t_cust"))
        .isEqualTo(401);
  }
}
