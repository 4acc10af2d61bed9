/**
 * What every example stack shares: the per-environment props (name, location, resource group,
 * subscription) and the azurerm provider.
 */
import { AzurermProvider, AzurermProviderConfig } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Construct } from 'constructs';

/** The Azure region the examples use by default. */
export const DEFAULT_LOCATION = 'eastus2';

/** The values that differ per environment, common to every example stack. */
export interface ExampleStackProps {
  /**
   * The AKS cluster name (`--name`).
   * @default per example, e.g. 'aks-overlay' for the overlay example
   */
  readonly name?: string;
  /**
   * The Azure region (`--location`).
   * @default 'eastus2'
   */
  readonly location?: string;
  /**
   * The resource group (`--resource-group`); the stack creates it.
   * @default per example: `rg-<default cluster name>`, e.g. 'rg-aks-overlay'
   */
  readonly resourceGroupName?: string;
  /**
   * The Azure subscription ID for the azurerm provider (`subscription_id`).
   * @default omitted from the plan: the azurerm provider reads `ARM_SUBSCRIPTION_ID` at plan/apply time (no
   * subscription in the synthesized JSON)
   */
  readonly subscriptionId?: string;
  /**
   * Tags on the resource group and the cluster.
   * @default no tags
   */
  readonly tags?: { [key: string]: string };
}

/** The resolved environment values of an example stack. */
export interface ExampleEnvironment {
  /** The cluster name. */
  readonly name: string;
  /** The Azure region. */
  readonly location: string;
  /** The resource group name. */
  readonly resourceGroupName: string;
  /**
   * Tags.
   * @default no tags
   */
  readonly tags?: { [key: string]: string };
}

/** Applies the example's defaults to the common props. */
export function resolveEnvironment(props: ExampleStackProps, defaultName: string): ExampleEnvironment {
  const name = props.name ?? defaultName;
  return {
    name,
    location: props.location ?? DEFAULT_LOCATION,
    resourceGroupName: props.resourceGroupName ?? `rg-${defaultName}`,
    tags: props.tags,
  };
}

/**
 * The stack's azurerm provider (`features {}`), with the subscription from the props.
 * @param extra further provider settings, e.g. `resourceProviderRegistrations: 'none'`
 */
export function azurermProvider(
  scope: Construct,
  props: ExampleStackProps,
  extra: Partial<AzurermProviderConfig> = {},
): AzurermProvider {
  return new AzurermProvider(scope, 'azurerm', { features: [{}], subscriptionId: props.subscriptionId, ...extra });
}

/** The stack's resource group (`az group create`). */
export function resourceGroup(scope: Construct, env: ExampleEnvironment): ResourceGroup {
  return new ResourceGroup(scope, 'resource-group', {
    name: env.resourceGroupName,
    location: env.location,
    tags: env.tags,
  });
}
