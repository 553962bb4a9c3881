package dev.daas.server.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The {@code daas.security.*} configuration (docs/security.md, docs/configuration.md). */
@ConfigMapping(prefix = "daas.security")
public interface SecurityConfig {
  /**
   * A fixed bootstrap admin key (for automation and tests). When set, no key is generated or
   * printed at first start; the value is never stored, only compared with.
   */
  Optional<String> adminKey();

  /** How long a successful API key verification is remembered, so the slow hash is paid rarely. */
  @WithDefault("30s")
  Duration keyCacheTtl();

  /**
   * How often each instance checks the keys it has verified recently against the metadata store, so
   * a key revoked or rotated anywhere is refused everywhere within about this long.
   */
  @WithDefault("2s")
  Duration keySyncInterval();

  /** PBKDF2 iterations for new keys. */
  @WithDefault("210000")
  int keyHashIterations();

  Jwt jwt();

  RateLimit rateLimit();

  Audit audit();

  /** JWT bearer tokens from an OpenID Connect provider; off unless issuer and JWKS URL are set. */
  interface Jwt {
    Optional<String> issuer();

    Optional<String> jwksUrl();

    /** Expected {@code aud}; when absent tokens must not carry an audience. */
    Optional<String> audience();

    /** The claim holding the caller's roles: a list of strings or a space-separated string. */
    @WithDefault("roles")
    String rolesClaim();

    @WithDefault("30s")
    Duration clockSkew();
  }

  /** Token buckets, written {@code <requests>/<period>} such as {@code 100/1s}. */
  interface RateLimit {
    /** Per API key or token subject; absent: no per-key limit. */
    Optional<String> perKey();

    /**
     * Per role, shared by every caller of that role: {@code
     * daas.security.rate-limit.per-role.reader=50/1s}.
     */
    Map<String, String> perRole();
  }

  interface Audit {
    @WithDefault("true")
    boolean enabled();

    /** Audit rows older than this are deleted. */
    @WithDefault("30d")
    Duration retention();

    /** Most audit rows kept; the oldest go first. */
    @WithDefault("1000000")
    long maxRows();
  }
}
