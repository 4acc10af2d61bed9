/**
 * The parts of Terraform's plan JSON (`terraform show -json PLANFILE`, format_version 1.x) that
 * the plan reader and the change review use, as documented in hashicorp/terraform
 * website/docs/internals/json-format.mdx ("Plan Representation"). Every field is optional:
 * a reader must ignore keys it does not know and tolerate missing ones. Pure types.
 */

/** A resource instance in a values representation (`planned_values`, `prior_state.values`). */
export interface PlanValuesResource {
  /** The absolute instance address, e.g. `module.aks.azurerm_kubernetes_cluster.this`. */
  readonly address?: string;
  /** `managed` or `data`. */
  readonly mode?: string;
  readonly type?: string;
  readonly name?: string;
  /** The `count` index or `for_each` key; absent for single instances. */
  readonly index?: string | number;
  /** The attribute values; unknown values are omitted. */
  readonly values?: Record<string, unknown>;
  /** The same shape as `values`, `true` where a value is sensitive. */
  readonly sensitive_values?: unknown;
}

/** A module in a values representation. */
export interface PlanValuesModule {
  /** `module.aks` (absent for the root module). */
  readonly address?: string;
  readonly resources?: readonly PlanValuesResource[];
  readonly child_modules?: readonly PlanValuesModule[];
}

/** The change of one resource instance (`resource_changes[].change`). */
export interface PlanChange {
  /** e.g. `["update"]`, `["delete","create"]`, `["create","delete"]`, `["delete"]`, `["no-op"]`. */
  readonly actions?: readonly string[];
  readonly before?: unknown;
  readonly after?: unknown;
  /** `after`'s shape with `true` at values known only after apply. */
  readonly after_unknown?: unknown;
  /** `before`'s shape with `true` at sensitive values. */
  readonly before_sensitive?: unknown;
  /** `after`'s shape with `true` at sensitive values. */
  readonly after_sensitive?: unknown;
  /** The attribute paths that forced a replacement, e.g. `[["network_profile", 0, "service_cidr"]]`. */
  readonly replace_paths?: readonly (readonly (string | number)[])[];
}

/** One entry of `resource_changes`. */
export interface PlanResourceChange {
  readonly address?: string;
  readonly previous_address?: string;
  readonly module_address?: string;
  readonly mode?: string;
  readonly type?: string;
  readonly name?: string;
  readonly index?: string | number;
  /** Set when the change is to a deposed object, not the current one. */
  readonly deposed?: string;
  readonly change?: PlanChange;
  /** e.g. `replace_because_cannot_update`, `replace_because_tainted`, `delete_because_no_resource_config`. */
  readonly action_reason?: string;
}

/** An expression of the configuration representation. */
export interface ConfigExpression {
  readonly constant_value?: unknown;
  /** References, most specific first, e.g. `["azurerm_subnet.aks.id", "azurerm_subnet.aks"]`. */
  readonly references?: readonly string[];
}

/** A resource block of the configuration representation. */
export interface ConfigResource {
  /** The address inside its module, e.g. `azurerm_subnet.aks`. */
  readonly address?: string;
  readonly mode?: string;
  readonly type?: string;
  readonly name?: string;
  /** `azurerm`, `kubernetes.workload` (an aliased configuration), `module.aks:kubernetes`. */
  readonly provider_config_key?: string;
  /** Attribute expressions; nested blocks are arrays of objects of expressions. */
  readonly expressions?: Record<string, unknown>;
}

/** A module call of the configuration representation. */
export interface ConfigModuleCall {
  readonly source?: string;
  /** The call's input expressions, by variable name. */
  readonly expressions?: Record<string, ConfigExpression>;
  readonly module?: ConfigModule;
}

/** A module of the configuration representation. */
export interface ConfigModule {
  readonly resources?: readonly ConfigResource[];
  readonly module_calls?: Readonly<Record<string, ConfigModuleCall>>;
  readonly outputs?: Readonly<Record<string, { readonly expression?: ConfigExpression }>>;
}

/** A `terraform show -json` plan (format_version 1.x). */
export interface PlanJson {
  readonly format_version?: string;
  readonly terraform_version?: string;
  readonly planned_values?: { readonly root_module?: PlanValuesModule };
  readonly resource_changes?: readonly PlanResourceChange[];
  readonly deferred_changes?: readonly unknown[];
  readonly configuration?: {
    readonly provider_config?: Readonly<
      Record<string, { readonly name?: string; readonly version_constraint?: string }>
    >;
    readonly root_module?: ConfigModule;
  };
}

/** Something the plan reader could not use, or could use only in part. */
export interface PlanProblem {
  /** `error`: the input is unusable (the CLI exits 2); `warning`: read, with a gap it names. */
  readonly severity: 'error' | 'warning';
  /** The resource or module address concerned, or `(plan)`. */
  readonly address: string;
  /** One line, naming the value or construct. */
  readonly message: string;
}

/** The result of `planToDocument`. */
export interface PlanDocument {
  /** A Terraform JSON document (the `resource` / `data` / `terraform` keys of cdk.tf.json). */
  readonly document: Record<string, unknown>;
  readonly problems: readonly PlanProblem[];
}

/**
 * The marker written where a plan says a value is known only after apply and the configuration
 * names no single resource it comes from. The model reader describes it as "known only after apply".
 */
export const KNOWN_AFTER_APPLY = '${plan.known_after_apply}';

/** The marker written in place of every sensitive value: the value itself is never copied. */
export const SENSITIVE = '${plan.sensitive}';
