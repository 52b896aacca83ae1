// axe-core in a page under test: its source, given to the page by the driver (an extension page's policy allows no
// inline script), and the audit run there, the same in Chromium and Firefox.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFindings {
  /** Each serious or critical problem: the rule, then the elements it failed on. */
  problems: string[];
  /** How many elements the rules passed: a check that met nothing cannot pass unnoticed. */
  passed: number;
}

/**
 * Runs in the page once AXE_SOURCE is there (a serialisable function): the rules given (all without), over the
 * elements matching `selector` and their shadow roots (the whole document without one).
 */
export async function axeInPage({ selector, rules }: { selector: string | null; rules: string[] | null }) {
  const { axe } = globalThis as unknown as {
    axe: {
      run: (
        context: Document | NodeList,
        options: object,
      ) => Promise<{
        violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[];
        passes: { nodes: unknown[] }[];
      }>;
    };
  };
  const context = selector ? document.querySelectorAll(selector) : document;
  const result = await axe.run(context, rules ? { runOnly: { type: 'rule', values: rules } } : {});
  return {
    problems: result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`),
    passed: result.passes.reduce((sum, rule) => sum + rule.nodes.length, 0),
  } satisfies AxeFindings;
}
