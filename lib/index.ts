/**
 * cdktf-aks-overlay: CDK for Terraform constructs for AKS on Azure CNI Overlay, and the rule
 * engine that fails `cdktf synth` on network plans Azure would reject at apply time. The root
 * exports the engine (`cdktf-aks-overlay/engine`, which needs no framework) and the constructs.
 */
export * from './engine';
export * from './constructs';
