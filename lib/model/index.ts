export * from './types';
export { readModel } from './read';
export * from './defaults';
