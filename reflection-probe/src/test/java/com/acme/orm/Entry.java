package com.acme.orm;

import java.io.Serializable;
import java.util.Objects;

/** A booking line with a composite key, mapped only by orm.xml. */
public class Entry {
  private Key key;
  private long amount;

  public Entry() {}

  public Entry(long account, int line, long amount) {
    this.key = new Key(account, line);
    this.amount = amount;
  }

  /** The composite key (account, line). */
  public static class Key implements Serializable {
    private long account;
    private int line;

    public Key() {}

    Key(long account, int line) {
      this.account = account;
      this.line = line;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.account == account && k.line == line;
    }

    @Override
    public int hashCode() {
      return Objects.hash(account, line);
    }
  }
}
