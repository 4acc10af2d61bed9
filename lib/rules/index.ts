export * from './types';
export * from './catalogue';
export { check, runRules, formatFinding } from './check';
export { RULES } from './registry';
export { CONTEXT_METADATA_KEY, contextFromDocument, mergeContexts, isEmptyContext } from './context';
