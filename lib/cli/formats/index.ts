/**
 * The output formats of `check` and the one switch that picks the renderer. No cdktf imports.
 */
import type { CheckRun } from '../check-command';
import { formatCheckJson, formatCheckText, type Palette } from '../format';
import { formatCheckJunit } from './junit';
import { formatCheckSarif } from './sarif';

/** The output formats of `check`. */
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'junit'] as const;

/** One of {@link CHECK_FORMATS}. */
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** What the renderers need beside the run. */
export interface RenderOptions {
  /** The colours of text output (identity functions when colours are off). */
  readonly colors: Palette;
  /** The parsed document of each stack file (SARIF points results at their resource's line). */
  readonly documents: ReadonlyMap<string, unknown>;
  /** The rule ids that ran (JUnit lists a passing case for each rule without findings). */
  readonly ruleIds: readonly string[];
}

/** Renders a `check` run in `format`. */
export function renderCheck(run: CheckRun, format: CheckFormat, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return formatCheckJson(run);
    case 'sarif':
      return formatCheckSarif(run, { documents: options.documents });
    case 'junit':
      return formatCheckJunit(run, { ruleIds: options.ruleIds });
    case 'text':
      return formatCheckText(run, options.colors);
  }
}
