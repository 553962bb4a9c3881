package dev.daas.server.secrets;

import dev.daas.gateway.policy.MaskKey;
import dev.daas.server.config.DaasConfig;
import dev.daas.server.store.MetadataStore;
import dev.daas.server.store.SecretsKeyCheckRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Seals and opens source credentials. At startup it checks the key against a value sealed when the
 * store was first used, so a wrong or changed key stops the server at once with a clear message
 * instead of failing later on the first source.
 */
@Startup
@ApplicationScoped
public class Secrets {
  private static final Logger LOG = Logger.getLogger(Secrets.class);
  private static final String CHECK_VALUE = "daas-secrets-key-check";
  private static final String MASK_KEY_PURPOSE = "daas column mask hash v1";

  @Inject DaasConfig config;
  @Inject MetadataStore store;

  private SecretCipher cipher;
  private MaskKey maskKey;

  @PostConstruct
  void init() {
    QuarkusTransaction.requiringNew().run(this::loadAndCheckKey);
  }

  private void loadAndCheckKey() {
    SecretsKeyLoader.LoadedKey loaded =
        SecretsKeyLoader.load(config.secrets().key(), Path.of(config.dataDir()));
    if (loaded.generated()) {
      LOG.infof(
          "Generated a new secrets key in %s; keep it with the data directory", loaded.origin());
    }
    cipher = new SecretCipher(loaded.key());
    maskKey = MaskKey.of(derive(loaded.key(), MASK_KEY_PURPOSE));
    var check = store.keyCheck();
    if (check.isEmpty()) {
      SecretsKeyCheckRecord record = new SecretsKeyCheckRecord();
      record.id = SecretsKeyCheckRecord.SINGLETON_ID;
      record.sealed = cipher.seal(CHECK_VALUE);
      record.createdAt = Instant.now();
      store.persist(record);
      return;
    }
    try {
      if (!CHECK_VALUE.equals(cipher.open(check.get().sealed))) {
        throw new SecretKeyMismatchException("check value differs");
      }
    } catch (SecretKeyMismatchException e) {
      throw new InvalidSecretsKeyException(
          "The secrets key from "
              + loaded.origin()
              + " is not the key this metadata store was encrypted with: stored source"
              + " passwords cannot be read. Configure the original key (daas.secrets.key or the"
              + " secrets.key file of the data directory).");
    }
  }

  /**
   * The key hash masks are keyed with, derived from the secrets key (HMAC-SHA256 of a fixed purpose
   * label), so it is as secret as the key and changes only when the key changes.
   */
  public MaskKey maskKey() {
    return maskKey;
  }

  private static byte[] derive(SecretKey key, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
    }
  }

  public String seal(String plain) {
    return cipher.seal(plain);
  }

  public String open(String sealed) {
    return cipher.open(sealed);
  }
}
