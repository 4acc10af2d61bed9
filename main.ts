import { App, TerraformStack } from 'cdktf';

const app = new App();
new TerraformStack(app, 'placeholder');
app.synth();
