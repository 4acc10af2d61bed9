/**
 * Every implemented rule, in catalogue order. Each rule module exports an array of rules.
 */
import type { Rule } from './types';
import { networkRules } from './network';
import { poolRules } from './pool/index';
import { serviceRules } from './service/index';
import { clusterRules } from './cluster/index';
import { networkCapacityRules } from './network-capacity';

export const RULES: readonly Rule[] = [...networkRules, ...networkCapacityRules, ...poolRules, ...serviceRules, ...clusterRules];
