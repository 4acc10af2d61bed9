export * from './types';
export { readModel } from './read';
