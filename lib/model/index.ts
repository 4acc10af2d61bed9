export * from './types';
export { readModel, isUnknown, unknown, wrongType, parseSubnetId } from './read';
export * from './defaults';
export * from './effective';
