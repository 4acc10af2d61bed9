/**
 * Whether the rule engine already follows `az` for Windows pools (issue 11): a Windows pool on an
 * Azure CNI cluster needs no `windows_profile` (AKS generates one), and Windows on dual-stack needs
 * no preview feature. Measured, not assumed: a dual-stack `AksCluster` with a default Windows
 * pool (no `windowsProfile`, no registration) is validated and must give neither
 * `pool/windows-profile` nor `pool/windows-dual-stack-preview` findings.
 *
 * LEAD: the constructs stopped rendering `windows_profile` by default; tests that validate such a
 * stack (the `dual-stack-windows` example, the App) run only once lib/rules has the change
 * (pool/windows-profile: no finding without `windows_profile` for network_plugin azure + standard
 * load balancer + scale sets; pool/windows-dual-stack-preview retired). When it has landed, this
 * switch is always true: delete it and the conditions that use it.
 */
import { TerraformStack, Testing } from 'cdktf';
import { AksCluster, AksStackValidation } from '../../lib/constructs';

/** The rule ids whose change the constructs' Windows default waits for. */
const PENDING_RULES = ['pool/windows-profile', 'pool/windows-dual-stack-preview'];

function measure(): boolean {
  const stack = new TerraformStack(Testing.app(), 'probe');
  const cluster = new AksCluster(stack, 'aks', { name: 'aks', resourceGroupName: 'rg', location: 'eastus2', ipFamilies: ['IPv4', 'IPv6'] });
  cluster.addNodePool('win', { name: 'win', osType: 'Windows' });
  return !AksStackValidation.of(stack).findings().some((f) => PENDING_RULES.includes(f.ruleId));
}

/** True when the rules accept the constructs' default Windows setup without findings. */
export const WINDOWS_RULES_FOLLOW_AZ: boolean = measure();
