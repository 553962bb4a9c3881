package dev.daas.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.Caller;
import dev.daas.gateway.policy.Policies;
import dev.daas.gateway.policy.RolePolicy;
import dev.daas.model.DataModel;
import dev.daas.server.secrets.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/**
 * The caller's {@link Authorization} on a source: role admin is unrestricted, others get policies.
 * Working out the effective access parses the policies' row filters, so it is kept per (policies,
 * model, caller): the same key calls request after request, and a policy change or a new model
 * version brings new instances and so a new entry.
 */
@ApplicationScoped
public class Authorizations {
  private static final int MAX_CACHED = 1024;

  @Inject PolicyStore policies;
  @Inject Secrets secrets;

  private final Cache<Key, Authorization> cache =
      Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

  public Authorization of(Caller caller, DataModel model) {
    if (caller.roles().contains(Authenticator.ADMIN)) {
      return Authorization.unrestricted(model);
    }
    List<RolePolicy> current = policies.policies(model.source());
    return cache.get(
        new Key(current, model, caller),
        k -> Policies.effective(current, caller, model, secrets.maskKey()));
  }

  /** Policies and model by identity (they are replaced, never changed), the caller by value. */
  private record Key(List<RolePolicy> policies, DataModel model, Caller caller) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.policies == policies
          && k.model == model
          && k.caller.equals(caller);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          System.identityHashCode(policies), System.identityHashCode(model), caller);
    }
  }
}
