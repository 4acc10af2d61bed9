export * from './cidr';
export * from './ranges';
