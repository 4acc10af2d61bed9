import type { Rule } from './types';

export const poolRules: Rule[] = [];
