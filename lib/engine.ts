/**
 * `cdktf-aks-overlay/engine`: the rule engine without the constructs. Everything the package root
 * exports except lib/constructs, plus the Markdown report renderer of the CLI's `report` command.
 *
 * Nothing reachable from this file imports cdktf, cdktn, constructs or a provider package, so it
 * loads in a project (or a CI job) that has none of them installed: a plan checker, a Terraform
 * Cloud run task, a cdktn app. `__tests__/engine.test.ts` and `npm run test:package` prove it.
 */
export * from './net';
export { analyze, check, formatFinding, RULE_IDS } from './rules';
export type { Analysis, AnalyzeOptions, Finding, Severity, CheckContext, RuleId } from './rules';
export { RULE_DOCS, ruleDoc } from './rules/docs';
export type { RuleDoc, RuleSource } from './rules/docs';
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
export { renderReport } from './cli/report';
export type { StackInput } from './cli/discover';
