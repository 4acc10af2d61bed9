/**
 * Resources of which a stack holds at most one, shared by the clusters of that stack: the
 * dual-stack preview feature registration, and the bookkeeping of kubernetes providers.
 * Internal: not exported from lib/index.ts.
 */
import { ResourceProviderRegistration } from '@cdktf/provider-azurerm/lib/resource-provider-registration';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { WINDOWS_DUAL_STACK_FEATURE } from '../facts';

/**
 * The stack's `Microsoft.ContainerService` registration with the dual-stack preview feature
 * (`registerDualStackPreviewFeature`), created on first use.
 */
export function registerDualStackPreview(scope: IConstruct): ResourceProviderRegistration {
  const stack = TerraformStack.of(scope);
  const id = 'microsoft-containerservice';
  const [namespace, feature] = WINDOWS_DUAL_STACK_FEATURE.split('/');
  const existing = stack.node.tryFindChild(id);
  if (existing instanceof ResourceProviderRegistration) return existing;
  return new ResourceProviderRegistration(stack, id, {
    name: namespace,
    feature: [{ name: feature, registered: true }],
  });
}

/** Stacks known to hold a kubernetes provider (a fleet of clusters walks the construct tree once, not per cluster). */
const STACKS_WITH_KUBERNETES_PROVIDER = new WeakSet<TerraformStack>();

/** True when the stack holds a kubernetes provider; walks the tree only until the first one is known. */
export function stackHasKubernetesProvider(stack: TerraformStack): boolean {
  if (STACKS_WITH_KUBERNETES_PROVIDER.has(stack)) return true;
  return stack.node.findAll().some((c: IConstruct) => c instanceof KubernetesProvider);
}

/** Records that the stack holds a kubernetes provider. */
export function markKubernetesProvider(stack: TerraformStack): void {
  STACKS_WITH_KUBERNETES_PROVIDER.add(stack);
}
