package org.imrflow.cases;

/** The reviewer's decision on one disputed item. */
public enum Determination {
  /** The UR denial stands: the item is not medically necessary. */
  UPHELD,
  /** The item is medically necessary. */
  OVERTURNED;

  /** As the letters write it: "Upheld", "Overturned". */
  public String label() {
    return name().charAt(0) + name().substring(1).toLowerCase();
  }
}
