import type { Rule } from './types';

export const networkCapacityRules: Rule[] = [];
