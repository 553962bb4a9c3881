package dev.daas.server;

import io.restassured.RestAssured;

/**
 * Credentials of the Quarkus tests: the bootstrap admin key of {@code
 * %test.daas.security.admin-key}, added by a global RestAssured filter to every request that sets
 * no {@code Authorization} itself. (A filter rather than a request specification: a specification
 * built before Quarkus sets the test port would pin the wrong port.)
 */
public final class TestingAuth {
  public static final String ADMIN_KEY = "test-admin-key-for-quarkus-tests";
  public static final String ADMIN = "Bearer " + ADMIN_KEY;

  private static volatile boolean sendAdminKey = true;
  private static boolean installed;

  private TestingAuth() {}

  /** Every following RestAssured request sends the admin key unless it sets Authorization. */
  public static void asAdmin() {
    install();
    sendAdminKey = true;
  }

  /** Requests send no credentials unless a test adds them. */
  public static void anonymous() {
    install();
    sendAdminKey = false;
  }

  private static synchronized void install() {
    if (installed) {
      return;
    }
    RestAssured.filters(
        (request, response, context) -> {
          if (sendAdminKey && !request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", ADMIN);
          }
          return context.next(request, response);
        });
    installed = true;
  }
}
