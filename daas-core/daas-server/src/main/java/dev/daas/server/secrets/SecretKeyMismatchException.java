package dev.daas.server.secrets;

/** A sealed secret does not open with the configured key: the key changed or the data did. */
public class SecretKeyMismatchException extends RuntimeException {
  public SecretKeyMismatchException(String message) {
    super(message);
  }
}
