/**
 * The walkthrough's scenarios as stacks, the backend selection, and the App wiring that
 * main.ts runs. Stack names (what `cdktf synth|deploy <stack>` takes) are in {@link EXAMPLE_STACK_NAMES}.
 */
import { CloudBackend, LocalBackend, NamedCloudWorkspace, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DualStackStack, DualStackStackProps } from './dual-stack';
import { DualStackWindowsStack, DualStackWindowsStackProps } from './dual-stack-windows';
import { DualStackWorkloadStack, DualStackWorkloadStackProps } from './dual-stack-workload';
import { OverlayStack, OverlayStackProps } from './overlay';
import { OverlayDedicatedSubnetStack, OverlayDedicatedSubnetStackProps } from './overlay-dedicated-subnet';

export * from './common';
export * from './overlay';
export * from './overlay-dedicated-subnet';
export * from './dual-stack';
export * from './dual-stack-windows';
export * from './dual-stack-workload';

/** The stack names of the examples, in the order the App creates them. */
export const EXAMPLE_STACK_NAMES = [
  'overlay',
  'overlay-dedicated-subnet',
  'dual-stack',
  'dual-stack-windows',
  'dual-stack-workload',
] as const;
/** One of {@link EXAMPLE_STACK_NAMES}. */
export type ExampleStackName = (typeof EXAMPLE_STACK_NAMES)[number];

/** The Terraform Cloud workspace prefix when `TF_WORKSPACE_PREFIX` is not set. */
export const DEFAULT_WORKSPACE_PREFIX = 'aks-overlay-';

/** The environment variables the backend selection reads. */
export interface BackendEnvironment {
  /** The Terraform Cloud organization; when set (non-empty), every stack uses a `cloud` backend. */
  readonly TF_CLOUD_ORGANIZATION?: string;
  /** The workspace name prefix; the workspace is `<prefix><stack name>`. Default `aks-overlay-`. */
  readonly TF_WORKSPACE_PREFIX?: string;
  /** The Terraform Cloud / Enterprise host. Default `app.terraform.io`. */
  readonly TF_CLOUD_HOSTNAME?: string;
}

/**
 * Chooses a stack's backend from the environment: local unless `TF_CLOUD_ORGANIZATION` is set;
 * then a Terraform Cloud backend with the workspace
 * `<TF_WORKSPACE_PREFIX ?? 'aks-overlay-'><stack name>`, so each stack's plans can be reviewed
 * in its own workspace.
 *
 * The local backend keeps `terraform.<stack>.tfstate` in the project root, as cdktf's default
 * does, but through a path relative to the stack's folder (`cdktf.out/stacks/<stack>`), so the
 * synthesized JSON is the same in every checkout (cdktf's default writes an absolute path).
 * @returns the backend
 */
export function configureBackend(stack: TerraformStack, env: BackendEnvironment): CloudBackend | LocalBackend {
  const organization = env.TF_CLOUD_ORGANIZATION?.trim();
  if (!organization) return new LocalBackend(stack, { path: `../../../terraform.${stack.node.id}.tfstate` });
  const prefix = env.TF_WORKSPACE_PREFIX ?? DEFAULT_WORKSPACE_PREFIX;
  const hostname = env.TF_CLOUD_HOSTNAME?.trim();
  return new CloudBackend(stack, {
    organization,
    hostname: hostname ? hostname : undefined,
    workspaces: new NamedCloudWorkspace(`${prefix}${stack.node.id}`),
  });
}

/** Per-stack props for {@link addExampleStacks}. */
export interface ExampleStacksProps {
  /**
   * Props of the `overlay` stack.
   * @default the stack's defaults
   */
  readonly overlay?: OverlayStackProps;
  /**
   * Props of the `overlay-dedicated-subnet` stack.
   * @default the stack's defaults
   */
  readonly overlayDedicatedSubnet?: OverlayDedicatedSubnetStackProps;
  /**
   * Props of the `dual-stack` stack.
   * @default the stack's defaults
   */
  readonly dualStack?: DualStackStackProps;
  /**
   * Props of the `dual-stack-windows` stack.
   * @default the stack's defaults
   */
  readonly dualStackWindows?: DualStackWindowsStackProps;
  /**
   * Props of the `dual-stack-workload` stack.
   * @default the `dual-stack` stack's name, resource group and subscription; otherwise the stack's defaults
   */
  readonly dualStackWorkload?: DualStackWorkloadStackProps;
}

/** The example stacks created by {@link addExampleStacks}. */
export interface ExampleStacks {
  /** The `overlay` stack. */
  readonly overlay: OverlayStack;
  /** The `overlay-dedicated-subnet` stack. */
  readonly overlayDedicatedSubnet: OverlayDedicatedSubnetStack;
  /** The `dual-stack` stack. */
  readonly dualStack: DualStackStack;
  /** The `dual-stack-windows` stack. */
  readonly dualStackWindows: DualStackWindowsStack;
  /** The `dual-stack-workload` stack (depends on `dual-stack`). */
  readonly dualStackWorkload: DualStackWorkloadStack;
}

/**
 * Adds every example stack to `app` under the names of {@link EXAMPLE_STACK_NAMES}, with the
 * backend of {@link configureBackend}. `dual-stack-workload` reads the `dual-stack` cluster
 * (same name, resource group and subscription unless given) and depends on that stack, so
 * `cdktf deploy dual-stack dual-stack-workload` applies them in order.
 */
export function addExampleStacks(
  app: Construct,
  env: BackendEnvironment = {},
  props: ExampleStacksProps = {},
): ExampleStacks {
  const dualStackProps = props.dualStack ?? {};
  const stacks: ExampleStacks = {
    overlay: new OverlayStack(app, 'overlay', props.overlay),
    overlayDedicatedSubnet: new OverlayDedicatedSubnetStack(
      app,
      'overlay-dedicated-subnet',
      props.overlayDedicatedSubnet,
    ),
    dualStack: new DualStackStack(app, 'dual-stack', dualStackProps),
    dualStackWindows: new DualStackWindowsStack(app, 'dual-stack-windows', props.dualStackWindows),
    dualStackWorkload: new DualStackWorkloadStack(app, 'dual-stack-workload', {
      name: dualStackProps.name,
      resourceGroupName: dualStackProps.resourceGroupName,
      subscriptionId: dualStackProps.subscriptionId,
      ...props.dualStackWorkload,
    }),
  };
  stacks.dualStackWorkload.addDependency(stacks.dualStack);
  for (const stack of Object.values(stacks) as TerraformStack[]) configureBackend(stack, env);
  return stacks;
}
