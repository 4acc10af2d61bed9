/**
 * The cluster's `windows_profile`: rendered only when the props give `windowsProfile`. Without it
 * AKS generates the profile itself (user `azureuser`, a random password) for Azure CNI clusters
 * with the standard load balancer and scale-set pools: "All AKS clusters created after May, 2020
 * should have WindowsProfile by default if network-plugin is set to azure, load-balancer-sku is
 * set to standard and vm-set-type is set to VirtualMachineScaleSets" (AKS maintainer, Azure/AKS#1545);
 * "the username defaults to azureuser and a randomized password" (https://learn.microsoft.com/azure/aks/windows-faq).
 * azurerm reads a generated profile back without a diff (`windows_profile` is Optional + Computed in
 * azurerm v4 `kubernetes_cluster_resource.go`) and keeps no password for it in state (the API does not
 * return passwords; azurerm copies the configured one). Internal: not exported from lib/index.ts.
 */
import type { KubernetesClusterWindowsProfile } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { TerraformStack, TerraformVariable, Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { DEFAULT_ADMIN_USERNAME, WINDOWS_PASSWORD_LENGTH } from '../facts';
import type { AksWindowsProfile } from './aks-cluster-props';
import { WINDOWS_ADMIN_PASSWORD_VARIABLE } from './types';

/**
 * Throws when `windowsProfile.adminPassword` is a literal string. This is the library's policy,
 * not an Azure rule: a literal would be written to the synthesized JSON (and to version control).
 */
export function assertNoLiteralPassword(path: string, given: AksWindowsProfile | undefined): void {
  const password = given?.adminPassword;
  if (password === undefined || Token.isUnresolved(password)) return;
  const why = 'is a literal string, which would be written to the synthesized JSON and to Terraform state';
  const fix =
    "pass a token instead, e.g. a sensitive TerraformVariable's stringValue, or omit adminPassword to get " +
    `the sensitive variable '${WINDOWS_ADMIN_PASSWORD_VARIABLE}' (or omit windowsProfile: AKS generates the profile)`;
  throw new Error(`${path}: pool/windows-password-literal: windowsProfile.adminPassword ${why}; ${fix}`);
}

/**
 * The `windows_profile` block for the given props: undefined without `windowsProfile` (AKS
 * generates the profile); otherwise the user name (default `azureuser`) and the password token,
 * by default the stack's sensitive `windows_admin_password` variable.
 */
export function windowsProfileOf(
  scope: IConstruct,
  given: AksWindowsProfile | undefined,
): KubernetesClusterWindowsProfile | undefined {
  if (given === undefined) return undefined;
  return {
    adminUsername: given.adminUsername ?? DEFAULT_ADMIN_USERNAME,
    adminPassword: given.adminPassword ?? windowsPasswordVariable(scope).stringValue,
  };
}

/** The stack's sensitive `windows_admin_password` variable, created on first use. */
function windowsPasswordVariable(scope: IConstruct): TerraformVariable {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(WINDOWS_ADMIN_PASSWORD_VARIABLE);
  if (existing instanceof TerraformVariable) return existing;
  const [min, max] = WINDOWS_PASSWORD_LENGTH;
  const name = WINDOWS_ADMIN_PASSWORD_VARIABLE;
  return new TerraformVariable(stack, name, {
    type: 'string',
    sensitive: true,
    description: `Admin password of the AKS Windows nodes (windows_profile): ${min} to ${max} characters. Set TF_VAR_${name}.`,
    validation: [
      {
        condition: `\${length(var.${name}) >= ${min} && length(var.${name}) <= ${max}}`,
        errorMessage: `pool/windows-profile: the Windows admin password must have ${min} to ${max} characters.`,
      },
    ],
  });
}
