package com.acme.orm;

/** A label on accounts (many-to-many through KTO_LBL), mapped only by orm.xml. */
public class Label {
  private int id;
  private String text;

  public Label() {}

  public Label(int id, String text) {
    this.id = id;
    this.text = text;
  }
}
