export * from './types';
export { readModel } from './read';
export { isUnknown, unknown, wrongType, asString, asNumber, asInteger, asBoolean, asStringList, asList, jsonText } from './attr';
export { parseSubnetId } from './network';
export { describeExpression, PLAN_SENSITIVE, PLAN_UNKNOWN } from './expression';
export { CONTEXT_METADATA_KEY, contextFromDocument, mergeContexts, isEmptyContext, type CheckContext } from './context';
export * from './defaults';
export * from './effective';
export { usableSubnetAddresses, poolNodes, poolSubnetDemand, type Demand } from './capacity';
