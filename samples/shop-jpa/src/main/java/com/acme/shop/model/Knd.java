package com.acme.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Kunde (customer). Status KND_STS: A aktiv, S gesperrt, I inaktiv. */
@Entity
@Table(name = "KND")
public class Knd {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "KND_NR")
  public Long nr;

  @Column(name = "KND_NM", length = 60, nullable = false)
  public String nm;

  @Column(name = "KND_STS", columnDefinition = "char(1)", nullable = false)
  public String sts;

  @Column(name = "KND_RBT")
  public Integer rbt;
}
