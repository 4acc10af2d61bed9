/**
 * The value conventions of the model (see lib/model/types.ts). No cdktf imports.
 */

/** A value that the document holds only as an unresolved Terraform expression. */
export interface Unknown {
  /** Always `'unknown'`: what tells an Unknown apart from a literal value (see `isUnknown`). */
  readonly kind: 'unknown';
  /** The expression as written, e.g. `${var.pod_cidr}` (a value of the wrong type: its JSON text). */
  readonly expression: string;
  /**
   * Why it is unknown, when more can be said than "an unresolved expression", e.g. `a variable`, `an object where a
   * string belongs`.
   */
  readonly reason?: string;
  /**
   * Why the value is unknown: `undefined` for an unresolved expression (rules skip with a warning),
   * `wrong-type` for a value Terraform cannot convert (a `document/type` error), `shape` for a value
   * whose shape the reader already reported (`document/shape`; rules stay silent).
   */
  readonly cause?: 'wrong-type' | 'shape';
}

/** A string-ish attribute: the literal, an unresolved expression, or absent. */
export type Value<T> = T | Unknown | undefined;

/** Where a model element came from. */
export interface Located {
  /**
   * The Terraform address, e.g. `azurerm_kubernetes_cluster.aks` (a default pool:
   * `azurerm_kubernetes_cluster.aks.default_node_pool`).
   */
  readonly address: string;
  /** The cdktf construct path from the `//` metadata, e.g. `dual-stack/aks/resource`. */
  readonly path?: string;
}
