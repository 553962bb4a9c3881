package dev.daas.server.webhook;

import java.util.List;

/**
 * The body of {@code POST /admin/v1/sources/{name}/webhooks}.
 *
 * @param url where events are POSTed (http or https)
 * @param entities the entities (API names) whose changes are sent
 * @param role the role whose policy filters and shapes the events, as for a subscriber
 * @param description optional free text
 */
public record WebhookRequest(String url, List<String> entities, String role, String description) {}
