export * from './types';
export * from './catalogue';
export { check, formatFinding } from './check';
export { analyze, runRules, type Analysis, type AnalyzeOptions } from './analyze';
export { RULES } from './registry';
export { CONTEXT_METADATA_KEY, contextFromDocument, mergeContexts } from '../model';
