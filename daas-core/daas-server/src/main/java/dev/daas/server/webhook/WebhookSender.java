package dev.daas.server.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one event to a webhook: a JSON POST with the event id, timestamp and signature headers. One
 * attempt; the caller retries.
 */
final class WebhookSender {
  private final HttpClient client;
  private final Duration timeout;

  WebhookSender(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Null when the receiver answered 2xx, else what went wrong (never the secret). */
  String send(String webhookId, String url, String secret, long eventId, String body) {
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "DaaS-Webhooks/1")
            .header("DaaS-Webhook-Id", webhookId)
            .header("DaaS-Event-Id", Long.toString(eventId))
            .header("DaaS-Timestamp", Long.toString(timestamp))
            .header("DaaS-Signature", WebhookSignature.header(secret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300 ? null : "HTTP " + status;
    } catch (IOException e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
