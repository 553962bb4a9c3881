package dev.daas.server.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The {@code daas.*} configuration; every key is documented in docs/configuration.md. */
@ConfigMapping(prefix = "daas")
public interface DaasConfig {

  /** Directory of the embedded metadata store, the generated secrets key and the demo database. */
  String dataDir();

  Secrets secrets();

  Api api();

  Sources sources();

  Demo demo();

  interface Secrets {
    /**
     * Base64 of a 32-byte AES key that encrypts source credentials. When absent, a key is generated
     * once into {@code <data-dir>/secrets.key}.
     */
    Optional<String> key();
  }

  interface Api {
    @WithDefault("50")
    int defaultLimit();

    @WithDefault("1000")
    int maxLimit();

    @WithDefault("3")
    int maxEmbedDepth();

    @WithDefault("10000")
    int maxEmbeddedRows();

    @WithDefault("30s")
    Duration queryTimeout();
  }

  interface Sources {
    @WithDefault("8")
    int maxPoolSize();

    @WithDefault("3s")
    Duration connectTimeout();
  }

  interface Demo {
    @WithDefault("true")
    boolean enabled();
  }
}
