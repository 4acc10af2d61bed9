import type { Rule } from './types';

export const clusterRules: Rule[] = [];
