import axe from 'axe-core';

/**
 * Runs axe on `element`. `color-contrast` is off because jsdom does no layout or painting, so axe cannot
 * compute contrast there (the Storybook a11y panel checks it in a real browser); page-level rules are off
 * because a story is a fragment of a page, not a page.
 */
export async function axeViolations(element: Element): Promise<axe.Result[]> {
  const result = await axe.run(element, {
    rules: {
      'color-contrast': { enabled: false },
      region: { enabled: false },
      'landmark-one-main': { enabled: false },
      'page-has-heading-one': { enabled: false },
    },
    resultTypes: ['violations'],
  });
  return result.violations;
}

/** A violation list as readable lines, for an assertion message. */
export function describeViolations(violations: readonly axe.Result[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
}
