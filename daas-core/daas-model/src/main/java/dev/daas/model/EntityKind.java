package dev.daas.model;

public enum EntityKind {
  TABLE,
  VIEW
}
