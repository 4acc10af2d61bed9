/**
 * cdktf-aks-overlay: CDK for Terraform constructs for AKS on Azure CNI Overlay, and the rule
 * engine that fails `cdktf synth` on network plans Azure would reject at apply time.
 */
export * from './net';
export { analyze, check, formatFinding, RULE_IDS } from './rules';
export { RULE_DOCS, ruleDoc } from './rules/docs';
export type { RuleDoc, RuleSource } from './rules/docs';
export type { Analysis, AnalyzeOptions, Finding, Severity, CheckContext, RuleId } from './rules';
export * from './constructs';
export { readModel, isUnknown, effectiveNetwork, effectivePool, poolsOf } from './model';
export type {
  PlanModel,
  ClusterModel,
  NodePoolModel,
  SubnetModel,
  VirtualNetworkModel,
  ServiceModel,
  Unknown,
  Value,
  EffectiveNetwork,
  EffectivePool,
  NetworkMode,
  NetworkProfileModel,
  WindowsProfileModel,
  FeatureRegistrationModel,
  ShapeProblem,
  ServicePortModel,
  LoadBalancerProfileModel,
} from './model';
