package com.acme.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Kennzeichen attached to orders (EXPRESS, GESCHENK, ...). */
@Entity
@Table(name = "TAG")
public class Tag {
  @Id
  @Column(name = "TAG_NR")
  public Integer nr;

  @Column(name = "TAG_BEZ", length = 30)
  public String bez;
}
