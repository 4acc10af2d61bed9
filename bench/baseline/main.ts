// Benchmark baseline: the five walkthrough scenarios written by hand, the way a project made with
// `cdktf init --template typescript` would write them: plain azurerm/kubernetes resources,
// provider classes imported from the package roots, run by `npx ts-node main.ts` (cdktf.json)
// with type-checking, as the template does. No validation: this is what the library is measured
// against in `npm run bench`, not part of the library. It resolves cdktf and the providers from
// the repository's node_modules.
import { Construct } from "constructs";
import { App, Fn, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import * as azurerm from "@cdktf/provider-azurerm";
import * as kubernetes from "@cdktf/provider-kubernetes";

interface ScenarioProps {
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly subscriptionId?: string;
}

function defaults(name: string): ScenarioProps {
  return { name, location: "eastus2", resourceGroupName: `rg-${name}` };
}

/** Provider + resource group, the opening of every stack. */
function base(
  scope: Construct,
  props: ScenarioProps,
  extra: Partial<azurerm.provider.AzurermProviderConfig> = {},
): azurerm.resourceGroup.ResourceGroup {
  new azurerm.provider.AzurermProvider(scope, "azurerm", {
    features: [{}],
    subscriptionId: props.subscriptionId,
    ...extra,
  });
  return new azurerm.resourceGroup.ResourceGroup(scope, "rg", {
    name: props.resourceGroupName,
    location: props.location,
  });
}

function clusterConfig(
  props: ScenarioProps,
  rg: azurerm.resourceGroup.ResourceGroup,
  networkProfile: azurerm.kubernetesCluster.KubernetesClusterNetworkProfile,
  defaultNodePool: Partial<azurerm.kubernetesCluster.KubernetesClusterDefaultNodePool> = {},
): azurerm.kubernetesCluster.KubernetesClusterConfig {
  return {
    name: props.name,
    location: rg.location,
    resourceGroupName: rg.name,
    dnsPrefix: props.name,
    identity: { type: "SystemAssigned" },
    defaultNodePool: {
      name: "nodepool1",
      vmSize: "Standard_DS2_v2",
      nodeCount: 3,
      maxPods: 250,
      osSku: "Ubuntu",
      ...defaultNodePool,
    },
    networkProfile,
  };
}

const DUAL_STACK_NETWORK: azurerm.kubernetesCluster.KubernetesClusterNetworkProfile = {
  networkPlugin: "azure",
  networkPluginMode: "overlay",
  ipVersions: ["IPv4", "IPv6"],
  podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"],
  serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
  dnsServiceIp: "10.0.0.10",
};

const OVERLAY_NETWORK: azurerm.kubernetesCluster.KubernetesClusterNetworkProfile = {
  networkPlugin: "azure",
  networkPluginMode: "overlay",
  ipVersions: ["IPv4"],
  podCidr: "192.168.0.0/16",
  serviceCidr: "10.0.0.0/16",
  dnsServiceIp: "10.0.0.10",
};

/**
 * A resource group and one cluster: `overlay` (`az aks create --network-plugin azure
 * --network-plugin-mode overlay --pod-cidr 192.168.0.0/16`) and `dual-stack`
 * (`az aks create --ip-families ipv4,ipv6` with the default pod and service ranges).
 */
class ClusterStack extends TerraformStack {
  constructor(
    scope: Construct,
    id: string,
    network: azurerm.kubernetesCluster.KubernetesClusterNetworkProfile,
    props: ScenarioProps,
  ) {
    super(scope, id);
    const rg = base(this, props);
    new azurerm.kubernetesCluster.KubernetesCluster(this, "cluster", clusterConfig(props, rg, network));
  }
}

/** A VNet with two subnets: the cluster's nodes on one, a System pool of 1 node on the other. */
class OverlayDedicatedSubnetStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: ScenarioProps = defaults("aks-overlay-subnets")) {
    super(scope, id);
    const rg = base(this, props);
    const vnet = new azurerm.virtualNetwork.VirtualNetwork(this, "vnet", {
      name: `vnet-${props.name}`,
      location: rg.location,
      resourceGroupName: rg.name,
      addressSpace: ["10.224.0.0/12"],
    });
    const nodes = new azurerm.subnet.Subnet(this, "nodes", {
      name: "nodes",
      resourceGroupName: rg.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: ["10.224.0.0/16"],
    });
    const systemSubnet = new azurerm.subnet.Subnet(this, "system", {
      name: "system",
      resourceGroupName: rg.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: ["10.225.0.0/16"],
    });
    const cluster = new azurerm.kubernetesCluster.KubernetesCluster(
      this,
      "cluster",
      clusterConfig(props, rg, OVERLAY_NETWORK, { vnetSubnetId: nodes.id }),
    );
    new azurerm.kubernetesClusterNodePool.KubernetesClusterNodePool(this, "system_pool", {
      name: "npsystem",
      kubernetesClusterId: cluster.id,
      vmSize: "Standard_DS2_v2",
      nodeCount: 1,
      mode: "System",
      osType: "Linux",
      osSku: "Ubuntu",
      maxPods: 250,
      vnetSubnetId: systemSubnet.id,
    });
    // AKS needs Network Contributor on custom node subnets (az aks create does this for you).
    [nodes, systemSubnet].forEach((sn, i) => {
      new azurerm.roleAssignment.RoleAssignment(this, `network_contributor_${i}`, {
        scope: sn.id,
        roleDefinitionName: "Network Contributor",
        principalId: cluster.identity.principalId,
        skipServicePrincipalAadCheck: true,
      });
    });
  }
}

/**
 * Dual-stack plus a Windows pool of 2 nodes. The AzureOverlayDualStackPreview opt-in is done once
 * per subscription with the az CLI, as in the App's default (`previewFeatureRegistration: 'az-cli'`):
 *   az feature register --namespace Microsoft.ContainerService --name AzureOverlayDualStackPreview
 * Set MANAGE_PREVIEW_FEATURE to register it from Terraform instead.
 */
class DualStackWindowsStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: ScenarioProps = defaults("aks-dual-stack-win")) {
    super(scope, id);
    const manageFeature = process.env.MANAGE_PREVIEW_FEATURE === "1";
    const rg = base(this, props, manageFeature ? { resourceProviderRegistrations: "none" } : {});
    const password = new TerraformVariable(this, "windows_admin_password", {
      type: "string",
      sensitive: true,
      description: "Password of the Windows nodes' admin user (14-123 characters).",
      validation: [
        {
          condition: "${length(var.windows_admin_password) >= 14 && length(var.windows_admin_password) <= 123}",
          errorMessage: "The Windows admin password must have 14 to 123 characters.",
        },
      ],
    });
    const preview = manageFeature
      ? [
          new azurerm.resourceProviderRegistration.ResourceProviderRegistration(this, "dual_stack_preview", {
            name: "Microsoft.ContainerService",
            feature: [{ name: "AzureOverlayDualStackPreview", registered: true }],
          }),
        ]
      : [];
    const cluster = new azurerm.kubernetesCluster.KubernetesCluster(this, "cluster", {
      ...clusterConfig(props, rg, DUAL_STACK_NETWORK),
      windowsProfile: { adminUsername: "azureuser", adminPassword: password.stringValue },
      dependsOn: preview,
    });
    new azurerm.kubernetesClusterNodePool.KubernetesClusterNodePool(this, "windows_pool", {
      name: "npwin",
      kubernetesClusterId: cluster.id,
      vmSize: "Standard_DS2_v2",
      nodeCount: 2,
      mode: "User",
      osType: "Windows",
      osSku: "Windows2022",
      maxPods: 110,
    });
  }
}

/** The NGINX deployment and its IPv4 and IPv6 LoadBalancer services on the dual-stack cluster. */
class DualStackWorkloadStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: ScenarioProps = defaults("aks-dual-stack")) {
    super(scope, id);
    new azurerm.provider.AzurermProvider(this, "azurerm", {
      features: [{}],
      subscriptionId: props.subscriptionId,
    });
    // The cluster is applied by the dual-stack stack first; this stack reads it by name.
    const cluster = new azurerm.dataAzurermKubernetesCluster.DataAzurermKubernetesCluster(
      this,
      "cluster",
      { name: props.name, resourceGroupName: props.resourceGroupName },
    );
    const kubeConfig = cluster.kubeConfig.get(0);
    new kubernetes.provider.KubernetesProvider(this, "kubernetes", {
      host: kubeConfig.host,
      clientCertificate: Fn.base64decode(kubeConfig.clientCertificate),
      clientKey: Fn.base64decode(kubeConfig.clientKey),
      clusterCaCertificate: Fn.base64decode(kubeConfig.clusterCaCertificate),
    });
    const labels = { app: "nginx" };
    new kubernetes.deploymentV1.DeploymentV1(this, "nginx", {
      metadata: { name: "nginx", namespace: "default", labels },
      spec: {
        replicas: "3",
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            container: [
              {
                name: "nginx",
                image: "nginx:1.27",
                port: [{ containerPort: 80, name: "http" }],
                resources: { requests: { cpu: "100m", memory: "128Mi" } },
              },
            ],
            nodeSelector: { "kubernetes.io/os": "linux" },
          },
        },
      },
    });
    for (const family of ["IPv4", "IPv6"]) {
      const name = `nginx-${family.toLowerCase()}`;
      const service = new kubernetes.serviceV1.ServiceV1(this, name.replace("-", "_"), {
        metadata: { name, namespace: "default", labels },
        spec: {
          type: "LoadBalancer",
          selector: labels,
          ipFamilies: [family],
          ipFamilyPolicy: "SingleStack",
          externalTrafficPolicy: "Local",
          port: [{ port: 80, targetPort: "80", protocol: "TCP" }],
        },
      });
      const ip = service.status.get(0).loadBalancer.get(0).ingress.get(0).ip;
      new TerraformOutput(this, `${name.replace("-", "_")}_ip`, { value: ip });
      new TerraformOutput(this, `verify_${family.toLowerCase()}`, {
        value: family === "IPv6" ? `curl -s "http://[${ip}]"` : `curl -s "http://${ip}"`,
      });
    }
  }
}

const app = new App();
new ClusterStack(app, "overlay", OVERLAY_NETWORK, defaults("aks-overlay"));
new OverlayDedicatedSubnetStack(app, "overlay-dedicated-subnet");
const dualStack = new ClusterStack(app, "dual-stack", DUAL_STACK_NETWORK, defaults("aks-dual-stack"));
new DualStackWindowsStack(app, "dual-stack-windows");
new DualStackWorkloadStack(app, "dual-stack-workload").addDependency(dualStack);
app.synth();
