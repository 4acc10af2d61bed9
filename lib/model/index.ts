export * from './types';
export { readModel } from './read';
export { admitsAzurerm3 } from './provider-version';
export {
  isUnknown,
  unknown,
  wrongType,
  asString,
  asNumber,
  asInteger,
  asBoolean,
  asStringList,
  asList,
  jsonText,
} from './attr';
export { parseSubnetId, sameVnet, vnetOfSubnetId, type VnetIdentity } from './vnet-identity';
export { CONTEXT_METADATA_KEY, contextFromDocument, mergeContexts, isEmptyContext, type CheckContext } from './context';
export * from './effective';
export * from './effective-pool';
export { usableSubnetAddresses, poolNodes, poolSubnetDemand } from './capacity';
