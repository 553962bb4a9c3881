package dev.daas.server.secrets;

/** The configured secrets key cannot be used; the server refuses to start. */
public class InvalidSecretsKeyException extends RuntimeException {
  public InvalidSecretsKeyException(String message) {
    super(message);
  }
}
