/**
 * Terraform expressions inside JSON strings (`"${var.x}"`): recognizing a whole `${...}` value,
 * parsing a traversal (`azurerm_subnet.nodes.id`), and saying in words what an unresolved
 * expression refers to. Linear time on any input (no backtracking regular expression sees a whole
 * value). Pure; no cdktf imports.
 */

/** A parsed traversal `root.step[0].step`: its root name and the steps after it. */
export interface Traversal {
  readonly root: string;
  readonly steps: readonly (string | number)[];
}

/**
 * The inside of a string that is one whole `${ ... }` expression without nested braces, trimmed;
 * undefined for anything else (a literal, an interpolation inside text, a template directive).
 */
export function wholeExpression(s: string): string | undefined {
  if (!s.startsWith('${') || !s.endsWith('}') || s.length < 3) return undefined;
  const inner = s.slice(2, -1);
  if (inner.includes('{') || inner.includes('}')) return undefined;
  return inner.trim();
}

const NAME = /^[A-Za-z_][\w-]*/;
const STEP = /^(?:\.([A-Za-z_][\w-]*)|\.(\d+)|\[\s*(\d+)\s*\]|\[\s*"([^"]*)"\s*\])/;

/** Parses `a.b[0]["k"].c` into a {@link Traversal}; undefined when `expr` is anything else. */
export function parseTraversal(expr: string): Traversal | undefined {
  const root = NAME.exec(expr);
  if (!root) return undefined;
  const steps: (string | number)[] = [];
  let rest = expr.slice(root[0].length);
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else if (m[3] !== undefined) steps.push(Number(m[3]));
    else steps.push(m[4]);
    rest = rest.slice(m[0].length);
  }
  return { root: root[0], steps };
}

/**
 * A variable in words. A local module's variable that its call does not set is inlined as
 * `var.module_<call>__<name>` (lib/model/directory): it is named as the module's variable.
 */
function variableInWords(name: string): string {
  const parts = name.split('__');
  const modules: string[] = [];
  while (parts.length > 1 && parts[0].startsWith('module_')) modules.push(`module.${parts.shift()?.slice(7)}`);
  if (modules.length === 0) return `a variable (var.${name})`;
  return `a variable of ${modules.join('.')} that its call does not set (var.${parts.join('__')})`;
}

/** What an unresolved expression refers to, in words, e.g. `a variable (var.pod_cidr)`. */
export function describeExpression(expr: string): string {
  const inner = wholeExpression(expr);
  if (inner === undefined) return 'an interpolated string that cannot be resolved inside this document';
  const t = parseTraversal(inner);
  if (!t) return 'an expression (a function call or operator) that cannot be resolved inside this document';
  const first = String(t.steps[0] ?? '');
  switch (t.root) {
    case 'var':
      return variableInWords(first);
    case 'local':
      return `a local value (local.${first})`;
    case 'module':
      return `a module output (module.${first})`;
    case 'each':
      return `the for_each iteration value (${inner})`;
    case 'count':
      return `the count index (${inner})`;
    case 'dynamic':
      return `a dynamic block over an expression (dynamic "${first}" was not evaluated)`;
    case 'plan':
      return first === 'sensitive' ? 'a sensitive value (not shown)' : 'a value known only after apply (from the plan)';
    case 'data':
      if (first === 'terraform_remote_state')
        return `a remote state (data.terraform_remote_state.${String(t.steps[1] ?? '')})`;
      return `a data source (data.${first}.${String(t.steps[1] ?? '')})`;
    default:
      return `an attribute known only after apply (${inner})`;
  }
}
