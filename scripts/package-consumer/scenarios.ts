/**
 * The repository's example scenarios (examples/*.ts, copied next to this file by
 * scripts/test-package.js with `../lib/...` imports pointed at the installed package) as an App,
 * in a consumer project. Usage: node main.js OUTDIR. The cdktn consumer gets a copy with `cdktf`
 * imports rewritten to `cdktn`, as a CDK Terrain app is written.
 */
import { App } from 'cdktf';
import { addExampleStacks } from './examples';

const outdir = process.argv[2];
if (!outdir) throw new Error('usage: node main.js OUTDIR');
const app = new App({ outdir });
// No environment: local backends, so both consumers synthesize comparable JSON.
addExampleStacks(app, {});
app.synth();
