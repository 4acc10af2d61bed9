/**
 * Which virtual network a subnet lies in, as a structured value: the VNet's address in the
 * document, and/or its resource group and name. Meant to replace the string key
 * `resourceGroups/<rg>/virtualNetworks/<name>` that lib/model/network.ts builds (`virtualNetworkKey`)
 * and lib/rules/pool/subnet-vnet.ts parses back with a regex. Pure: no cdktf imports.
 */
/**
 * `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/n` -> its VNet ID and
 * names.
 */
export function parseSubnetId(
  id: string,
): { vnetId: string; vnetName: string; subnetName: string; resourceGroup: string } | undefined {
  const m =
    /^(\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+))\/subnets\/([^/]+)\/?$/i.exec(
      id.trim(),
    );
  return m ? { vnetId: m[1], resourceGroup: m[2], vnetName: m[3], subnetName: m[4] } : undefined;
}

/** What identifies the VNet of a subnet. At least one of `address` and `name` is set. */
export interface VnetIdentity {
  /** The VNet's Terraform address when it is a resource of the document, e.g. `azurerm_virtual_network.vnet`. */
  readonly address?: string;
  /** The VNet's resource group, when known. */
  readonly resourceGroup?: string;
  /** The VNet's name, when known. */
  readonly name?: string;
  /** How messages show it: the address, the VNet's resource ID, or `resourceGroups/<rg>/virtualNetworks/<name>`. */
  readonly label: string;
}

/** A VNet of the document, by its Terraform address (and its name when it is a literal). */
export function vnetByAddress(address: string, name?: string): VnetIdentity {
  return { address, ...(name !== undefined ? { name } : {}), label: address };
}

/** A VNet named by a literal `virtual_network_name`, with the subnet's resource group when that is a literal. */
export function vnetByName(name: string, resourceGroup?: string): VnetIdentity {
  const label = `${resourceGroup !== undefined ? `resourceGroups/${resourceGroup}/` : ''}virtualNetworks/${name}`;
  return { name, ...(resourceGroup !== undefined ? { resourceGroup } : {}), label };
}

/**
 * The VNet of a literal subnet resource ID
 * (`/subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<name>`),
 * labelled by the VNet's ID; undefined when the text is not such an ID.
 */
export function vnetOfSubnetId(subnetId: string): VnetIdentity | undefined {
  const parsed = parseSubnetId(subnetId);
  return parsed ? { resourceGroup: parsed.resourceGroup, name: parsed.vnetName, label: parsed.vnetId } : undefined;
}

/**
 * Same VNet (true), different (false), or not decidable from what the document says (undefined).
 * Names and resource groups compare case-insensitively, as Azure resource IDs do.
 */
export function sameVnet(a: VnetIdentity, b: VnetIdentity): boolean | undefined {
  if (a.address !== undefined && b.address !== undefined) return a.address === b.address;
  if (a.name === undefined || b.name === undefined) return undefined;
  const [rgA, rgB] = [a.resourceGroup, b.resourceGroup];
  const rgKnown = rgA !== undefined && rgB !== undefined;
  if (a.name.toLowerCase() !== b.name.toLowerCase()) return rgKnown ? false : undefined;
  if (rgKnown) return rgA.toLowerCase() === rgB.toLowerCase();
  return a.address === undefined && b.address === undefined ? true : undefined;
}
