/**
 * The App of the walkthrough's examples: one stack per scenario (see examples/index.ts).
 * Backend: local by default; with TF_CLOUD_ORGANIZATION set, Terraform Cloud with one workspace
 * per stack named `${TF_WORKSPACE_PREFIX ?? 'aks-overlay-'}<stack>`.
 */
import { App } from 'cdktf';
import { addExampleStacks } from './examples';

const app = new App();
addExampleStacks(app, process.env);
app.synth();
