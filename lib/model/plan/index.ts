/**
 * Reading `terraform show -json` plans: {@link planToDocument} turns a plan into a Terraform JSON
 * document for the one model reader. Pure; no cdktf imports.
 */
export { isPlanJson, planToDocument, SUPPORTED_FORMAT_MAJOR } from './to-document';
export { KNOWN_AFTER_APPLY, SENSITIVE } from './types';
export type {
  ConfigExpression,
  ConfigModule,
  ConfigModuleCall,
  ConfigResource,
  PlanChange,
  PlanDocument,
  PlanJson,
  PlanProblem,
  PlanResourceChange,
  PlanValuesModule,
  PlanValuesResource,
} from './types';
export { parseAddress, addressText, mangledName, sanitize, keyText, modulePathText, NameTable } from './address';
export type { ModuleStep, ResourceAddress } from './address';
