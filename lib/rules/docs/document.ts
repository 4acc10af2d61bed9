/**
 * Documentation of the findings about the document itself rather than an Azure rule
 * (`document/*`). No cdktf imports.
 */
import type { RuleDoc } from './types';
import { HCL_JSON_SPEC, TF_JSON, src } from './sources';

/** The `document/*` findings. */
export const DOCUMENT_DOCS: readonly RuleDoc[] = [
  {
    id: 'document/shape',
    severity: 'error',
    summary:
      'the document is not Terraform JSON: a block is neither an object nor an array of objects, or the ' +
      'input is not a JSON object (a block body as a one-element array is valid and read as its object)',
    otherwise: 'plan',
    sources: [
      src(
        'HCL JSON specification, blocks',
        HCL_JSON_SPEC,
        'After any labelling levels, the next nested value is either a JSON object representing a single block ' +
          'body, or a JSON array of JSON objects that each represent a single block body',
      ),
      src('Terraform JSON configuration syntax', TF_JSON),
    ],
    file: 'lib/rules/analyze.ts',
    example: {
      failing: '{ "resource": { "azurerm_kubernetes_cluster": { "aks": "not a block" } } }',
      fix: 'write each block body as an object (or an array of objects), as cdktf synth and hcl2json do',
    },
  },
  {
    id: 'document/type',
    severity: 'error',
    summary:
      'a value Terraform cannot convert to the attribute\'s type (e.g. "eighty" for a port, an object for a ' +
      'string); numbers, booleans and numeric strings convert as Terraform converts them and are judged converted',
    otherwise: 'plan',
    sources: [
      src(
        'Terraform type conversion',
        'https://developer.hashicorp.com/terraform/language/expressions/type-constraints#conversion-of-primitive-types',
        'The Terraform language will automatically convert number and bool values to string values when needed, and ' +
          'vice-versa as long as the string contains a valid representation of a number or boolean value.',
      ),
    ],
    file: 'lib/rules/frame.ts',
    example: {
      failing: '"spec": { "port": [{ "port": "eighty" }] }',
      fix: 'write a value of the attribute\'s type, e.g. "port": 80',
    },
  },
  {
    id: 'document/rule-error',
    severity: 'error',
    summary:
      'a rule could not read a value of a type it did not expect (reported instead of crashing; a value of ' +
      'the wrong type is one Terraform itself cannot convert)',
    otherwise: 'plan',
    sources: [
      src(
        'Terraform tostring (values Terraform cannot convert are errors)',
        'https://developer.hashicorp.com/terraform/language/functions/tostring',
        'Only the primitive types (string, number, and bool) and null can be converted to string.',
      ),
    ],
    file: 'lib/rules/analyze.ts',
    example: {
      failing: '"network_profile": { "network_plugin": { "name": "azure" } }',
      fix: 'give the attribute a value of its type; please report the input as a bug',
    },
  },
  {
    id: 'document/not-evaluated',
    severity: 'warning',
    summary:
      'a `count`, `for_each`, `dynamic` block or `module` call could not be evaluated statically: the ' +
      'finding names it, and the rules did not see what it creates (a literal count or list is evaluated); ' +
      'only resources the rules read are named (clusters, pools, VNets, subnets, NAT gateways, route tables, ' +
      'Kubernetes services, provider registrations)',
    otherwise: '-',
    sources: [
      src('Terraform JSON syntax: dynamic blocks, count and for_each are expressions', TF_JSON),
      src(
        'Terraform dynamic blocks',
        'https://developer.hashicorp.com/terraform/language/expressions/dynamic-blocks',
        'A dynamic block acts much like a for expression, but produces nested blocks instead of a complex typed ' +
          'value.',
      ),
    ],
    file: 'lib/rules/analyze.ts',
    example: {
      failing:
        '"azurerm_kubernetes_cluster": { "aks": { "dynamic": { "network_profile": { "for_each": ' +
        '"${var.profiles}", "content": { ... } } }, ... } }',
      fix: 'write the block literally, or check the plan (terraform show -json) where Terraform has evaluated it',
    },
  },
  {
    id: 'document/stale-suppression',
    severity: 'warning',
    summary: 'a suppression matches no finding: it hides nothing and would ' + 'hide a future finding unnoticed',
    otherwise: '-',
    sources: [
      src('cdk-nag suppressions (the model for suppressions with reasons)', 'https://github.com/cdklabs/cdk-nag'),
    ],
    file: 'lib/rules/suppressions.ts',
    example: {
      failing: 'suppressions: [{ "rule": "network/kubenet-retiring", "reason": "..." }] on a cluster without kubenet',
      fix: 'remove the suppression',
    },
  },
];
