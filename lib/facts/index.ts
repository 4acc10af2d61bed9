/**
 * The AKS facts, once: vocabulary, defaults, limits, derivations and Kubernetes versions, each with
 * its source. Imported by the model, the rules, the constructs and the CLI alike. Pure; no cdktf
 * imports.
 */
export * from './versions';
export * from './network';
export * from './pools';
export * from './names';
export * from './constructs';
