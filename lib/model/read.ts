import type { CheckContext } from '../rules/types';
import type { PlanModel } from './types';

/** Reads a Terraform JSON document into the model. Never throws on odd input. (stub: being written) */
export function readModel(_document: unknown, _context: CheckContext = {}): PlanModel {
  return { clusters: [], nodePools: [], subnets: [], virtualNetworks: [], services: [], featureRegistrations: [], shapeProblems: [] };
}
