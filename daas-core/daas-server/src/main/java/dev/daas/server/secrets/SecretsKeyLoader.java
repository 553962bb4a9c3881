package dev.daas.server.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds the key that seals source credentials: {@code daas.secrets.key} when configured, else a key
 * file in the data directory, generated once. A configured key that is not base64 of exactly 32
 * bytes stops the server with a message that says how to make a valid one.
 */
public final class SecretsKeyLoader {
  static final String FILE_NAME = "secrets.key";
  private static final int KEY_BYTES = 32;

  private SecretsKeyLoader() {}

  public record LoadedKey(SecretKey key, String origin, boolean generated) {}

  public static LoadedKey load(Optional<String> configured, Path dataDir) {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return new LoadedKey(
          decode(configured.get().trim(), "daas.secrets.key"), "daas.secrets.key", false);
    }
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (Files.exists(file)) {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        return new LoadedKey(decode(text, file.toString()), file.toString(), false);
      }
      Files.createDirectories(dataDir);
      byte[] raw = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(raw);
      Files.writeString(
          file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
      restrictToOwner(file);
      return new LoadedKey(new SecretKeySpec(raw, "AES"), file.toString(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the secrets key file " + file, e);
    }
  }

  private static SecretKey decode(String base64, String origin) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new InvalidSecretsKeyException(origin + " is not valid base64. " + HOW_TO);
    }
    if (raw.length != KEY_BYTES) {
      throw new InvalidSecretsKeyException(
          origin + " decodes to " + raw.length + " bytes; an AES-256 key needs 32. " + HOW_TO);
    }
    return new SecretKeySpec(raw, "AES");
  }

  private static final String HOW_TO = "Make one with: openssl rand -base64 32";

  private static void restrictToOwner(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: the file keeps the directory's permissions.
    }
  }
}
