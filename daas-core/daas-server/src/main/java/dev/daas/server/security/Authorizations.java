package dev.daas.server.security;

import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.Caller;
import dev.daas.gateway.policy.Policies;
import dev.daas.model.DataModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The caller's {@link Authorization} on a source: role admin is unrestricted, others get policies.
 */
@ApplicationScoped
public class Authorizations {
  @Inject PolicyStore policies;

  public Authorization of(Caller caller, DataModel model) {
    if (caller.roles().contains(Authenticator.ADMIN)) {
      return Authorization.unrestricted(model);
    }
    return Policies.effective(policies.policies(model.source()), caller, model);
  }
}
