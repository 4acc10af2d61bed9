/**
 * Virtual networks and subnets of a document, and the existing ones node pools name by a literal
 * resource ID (their prefixes come from the check context). No cdktf imports.
 */
import { jsonText, unknown } from './attr';
import {
  NAT_GATEWAY_ASSOCIATION_TYPE,
  NAT_GATEWAY_TYPE,
  ROUTE_TABLE_ASSOCIATION_TYPE,
  ROUTE_TABLE_TYPE,
  ROUTE_TYPE,
  SUBNET_TYPE,
  VNET_TYPE,
} from './resource-types';
import type { DocumentReader, ResourceEntry } from './document';
import { isObj } from './expand';
import type { SubnetModel, Value, VirtualNetworkModel } from './types';
import { parseSubnetId, vnetByAddress, vnetByName, vnetOfSubnetId, type VnetIdentity } from './vnet-identity';

/** Looks a key up in a context record, exactly, then ignoring case (Azure IDs are case-insensitive). */
function lookup<T>(rec: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  if (!rec) return undefined;
  if (Object.prototype.hasOwnProperty.call(rec, key)) return rec[key];
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(rec)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Builds the VNets and subnets; `subnetFor` resolves a pool's `vnet_subnet_id`. */
export class NetworkBuilder {
  readonly vnets = new Map<string, VirtualNetworkModel>();
  /** Subnets by their id (`${azurerm_subnet.x.id}` or a literal resource ID). */
  readonly subnets = new Map<string, SubnetModel>();
  private readonly vnetsByName = new Map<string, VirtualNetworkModel[]>();

  constructor(readonly reader: DocumentReader) {}

  read(): void {
    for (const e of this.reader.byType.get(VNET_TYPE) ?? []) this.readVnet(e);
    const nat = this.associations(NAT_GATEWAY_ASSOCIATION_TYPE, 'nat_gateway_id', NAT_GATEWAY_TYPE);
    const routes = this.associations(ROUTE_TABLE_ASSOCIATION_TYPE, 'route_table_id', ROUTE_TABLE_TYPE);
    for (const e of this.reader.byType.get(SUBNET_TYPE) ?? [])
      this.readSubnet(e, nat.get(e.address), routes.get(e.address));
  }

  private readVnet(e: ResourceEntry): void {
    const r = this.reader;
    const vnet: VirtualNetworkModel = {
      address: e.address,
      ...(e.path !== undefined ? { path: e.path } : {}),
      id: `\${${e.address}.id}`,
      name: r.value(e.body.name, e.address, 'name'),
      addressSpace: r.value(e.body.address_space, e.address, 'address_space'),
      external: false,
    };
    this.vnets.set(e.address, vnet);
    if (typeof vnet.name === 'string')
      this.vnetsByName.set(vnet.name, [...(this.vnetsByName.get(vnet.name) ?? []), vnet]);
    const inline = Array.isArray(e.body.subnet) ? e.body.subnet : isObj(e.body.subnet) ? [e.body.subnet] : [];
    inline.forEach((raw, i) => {
      if (!isObj(raw)) return;
      const address = `${e.address}.subnet[${i}]`;
      // an inline subnet may write one `address_prefix` (azurerm's inline block has no list)
      const singular = raw.address_prefixes === undefined && raw.address_prefix !== undefined;
      const prefixes = singular ? [raw.address_prefix] : raw.address_prefixes;
      this.subnets.set(address, {
        address,
        ...(e.path !== undefined ? { path: e.path } : {}),
        id: address,
        name: r.value(raw.name, e.address, `subnet[${i}].name`),
        addressPrefixes: r.value(
          prefixes,
          e.address,
          `subnet[${i}].${singular ? 'address_prefix' : 'address_prefixes'}`,
        ),
        ...(singular ? { prefixesAttribute: 'address_prefix' as const } : {}),
        virtualNetwork: vnet,
        virtualNetworkKey: e.address,
        vnetIdentity: vnetByAddress(e.address, typeof vnet.name === 'string' ? vnet.name : undefined),
        external: false,
      });
    });
  }

  /** Subnet address -> the associated resource (`target` type) of each association resource of `type`. */
  private associations(type: string, attribute: string, target: string): Map<string, ResourceEntry> {
    const out = new Map<string, ResourceEntry>();
    for (const e of this.reader.byType.get(type) ?? []) {
      const subnet = this.reader.referencedAddress(e.body.subnet_id, SUBNET_TYPE);
      const to = this.reader.referencedAddress(e.body[attribute], target);
      const entry = to !== undefined ? this.reader.resources.get(to) : undefined;
      if (subnet !== undefined && entry) out.set(subnet, entry);
    }
    return out;
  }

  /** The VNet a subnet's `virtual_network_name` names: a reference, or a literal name matching one VNet. */
  private vnetOfSubnet(
    e: ResourceEntry,
    name: Value<unknown>,
  ): { vnet?: VirtualNetworkModel; identity?: VnetIdentity } {
    const ref = this.reader.referencedAddress(e.body.virtual_network_name, VNET_TYPE);
    const named = (v: VirtualNetworkModel) => vnetByAddress(v.address, typeof v.name === 'string' ? v.name : undefined);
    if (ref) {
      const vnet = this.vnets.get(ref);
      return { vnet, identity: vnet ? named(vnet) : vnetByAddress(ref) };
    }
    if (typeof name !== 'string') return {};
    const matches = this.vnetsByName.get(name) ?? [];
    if (matches.length === 1) return { vnet: matches[0], identity: named(matches[0]) };
    const rg = this.reader.value(e.body.resource_group_name, e.address, 'resource_group_name');
    return { identity: vnetByName(name, typeof rg === 'string' ? rg : undefined) };
  }

  private readSubnet(e: ResourceEntry, nat: ResourceEntry | undefined, routes: ResourceEntry | undefined): void {
    const r = this.reader;
    const vnetName = r.value(e.body.virtual_network_name, e.address, 'virtual_network_name');
    const { vnet, identity } = this.vnetOfSubnet(e, vnetName);
    const key = identity?.label;
    const id = `\${${e.address}.id}`;
    const delegation = e.body.delegation;
    const subnet: SubnetModel = {
      address: e.address,
      ...(e.path !== undefined ? { path: e.path } : {}),
      id,
      name: r.value(e.body.name, e.address, 'name'),
      addressPrefixes: r.value(e.body.address_prefixes, e.address, 'address_prefixes'),
      ...(vnet ? { virtualNetwork: vnet } : {}),
      ...(key !== undefined ? { virtualNetworkKey: key } : {}),
      ...(identity ? { vnetIdentity: identity } : {}),
      external: false,
      delegated:
        delegation !== undefined && delegation !== null && !(Array.isArray(delegation) && delegation.length === 0),
      ...(nat
        ? { natGateway: { address: nat.address, sku: r.value(nat.body.sku_name, nat.address, 'sku_name') } }
        : {}),
      ...(routes ? { routeTable: { address: routes.address, defaultRoute: this.defaultRoute(routes) } } : {}),
    };
    this.subnets.set(id, subnet);
    this.subnets.set(e.address, subnet);
  }

  /** Whether a route table has a `0.0.0.0/0` route, inline or as `azurerm_route` resources of the document. */
  private defaultRoute(table: ResourceEntry): Value<boolean> {
    const inline = Array.isArray(table.body.route)
      ? table.body.route
      : isObj(table.body.route)
        ? [table.body.route]
        : [];
    const prefixes: unknown[] = inline.filter(isObj).map((x) => x.address_prefix);
    for (const e of this.reader.byType.get(ROUTE_TYPE) ?? []) {
      const name = this.reader.value(e.body.route_table_name, e.address, 'route_table_name');
      const tableName = this.reader.value(table.body.name, table.address, 'name');
      if (
        this.reader.referencedAddress(e.body.route_table_name, ROUTE_TABLE_TYPE) === table.address ||
        (typeof name === 'string' && name === tableName)
      ) {
        prefixes.push(e.body.address_prefix);
      }
    }
    if (prefixes.includes('0.0.0.0/0')) return true;
    const open = prefixes.find((p) => typeof p !== 'string' || p.includes('${'));
    return open !== undefined
      ? unknown(typeof open === 'string' ? open : jsonText(open), 'a route prefix that is an expression')
      : false;
  }

  /** The subnet a pool's `vnet_subnet_id` names, in the document or (by literal ID) the context. */
  subnetFor(raw: unknown): SubnetModel | undefined {
    if (typeof raw !== 'string' || raw.trim() === '') return undefined;
    const ref = this.reader.referencedAddress(raw, SUBNET_TYPE);
    if (ref) return this.subnets.get(ref);
    if (raw.includes('${') && lookup(this.reader.context.subnets, raw) === undefined) return undefined;
    const existing = this.subnets.get(raw);
    if (existing) return existing;
    const prefixes = lookup(this.reader.context.subnets, raw);
    const parsed = parseSubnetId(raw);
    const vnet = parsed ? this.externalVnet(parsed.vnetId, parsed.vnetName) : undefined;
    const subnet: SubnetModel = {
      address: raw,
      id: raw,
      name: parsed?.subnetName,
      addressPrefixes:
        prefixes !== undefined
          ? [...prefixes]
          : unknown(
              raw,
              'an existing subnet referenced by ID; pass its address prefixes in the check context (subnets)',
            ),
      ...(vnet ? { virtualNetwork: vnet, virtualNetworkKey: vnet.id } : {}),
      ...(parsed ? { vnetIdentity: vnetOfSubnetId(raw) } : {}),
      external: true,
    };
    this.subnets.set(raw, subnet);
    return subnet;
  }

  private externalVnet(vnetId: string, name: string): VirtualNetworkModel {
    const known = this.vnets.get(vnetId);
    if (known) return known;
    const space = lookup(this.reader.context.virtualNetworks, vnetId);
    const vnet: VirtualNetworkModel = {
      address: vnetId,
      id: vnetId,
      name,
      addressSpace:
        space !== undefined
          ? [...space]
          : unknown(
              vnetId,
              'an existing virtual network referenced by ID; pass its address space in the check context (virtualNetworks)',
            ),
      external: true,
    };
    this.vnets.set(vnetId, vnet);
    return vnet;
  }

  /** Every distinct subnet (each document subnet once, though it is indexed by id and address). */
  allSubnets(): SubnetModel[] {
    return [...new Set(this.subnets.values())];
  }
}
