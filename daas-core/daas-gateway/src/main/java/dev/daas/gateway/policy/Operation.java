package dev.daas.gateway.policy;

/** What a policy can allow on an entity. Change streams need {@link #SUBSCRIBE}. */
public enum Operation {
  READ,
  CREATE,
  UPDATE,
  DELETE,
  SUBSCRIBE
}
