export * from './types';
export * from './stack-validation';
export { AksCluster } from './aks-cluster';
export type { AksClusterProps, AksWindowsProfile } from './aks-cluster';
export { AksNodePool } from './aks-node-pool';
export type { AksNodePoolProps, AksNodePoolConstructProps } from './aks-node-pool';
export * from './kube-config';
export * from './load-balancer-service';
export * from './nginx-workload';
