/**
 * Every implemented rule, in catalogue order.
 */
import type { Rule } from './types';
import { networkRules } from './network/index';
import { poolRules } from './pool/index';
import { serviceRules } from './service/index';
import { clusterRules } from './cluster/index';

/** Every rule of docs/RULES.md except the `document/*` findings, which `analyze` makes itself. */
export const RULES: readonly Rule[] = [...networkRules, ...poolRules, ...serviceRules, ...clusterRules];
