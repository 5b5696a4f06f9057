// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from './chromium.js';
import { type StoryBrowser, startStoryBrowser } from './storyBrowser.js';

/** What the page measures: stories that push the page sideways, and amounts that don't fit their box. */
interface LayoutProblems {
  stories: number;
  pageWidth: number;
  overflowing: string[];
  clipped: string[];
}

// Runs in the page: every story is on it, each in its own [data-story] canvas.
function measure(): LayoutProblems {
  const viewport = document.documentElement.clientWidth;
  const storyOf = (element: Element) => element.closest<HTMLElement>('[data-story]')?.dataset.story ?? '?';
  const visible = (element: Element) => {
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  const overflowing = new Set<string>();
  for (const element of document.querySelectorAll('[data-story] *')) {
    if (visible(element) && element.getBoundingClientRect().right > viewport + 0.5)
      overflowing.add(storyOf(element));
  }
  const clipped: string[] = [];
  const amounts = document.querySelectorAll<HTMLElement>(
    '.mk-money, [data-slot="amount"], input[data-slot="fee"], input[data-slot="percent"]',
  );
  for (const amount of amounts) {
    if (!visible(amount)) continue;
    const rect = amount.getBoundingClientRect();
    // Text wider than its own box (an input scrolls it out of sight; a cell cuts it off).
    let cut = amount.scrollWidth > amount.clientWidth + 1;
    // Or the box itself outside an ancestor that clips.
    for (let parent = amount.parentElement; parent && !cut; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX === 'visible') continue;
      const box = parent.getBoundingClientRect();
      cut = rect.left < box.left - 0.5 || rect.right > box.right + 0.5;
    }
    if (cut)
      clipped.push(
        `${storyOf(amount)}: "${amount instanceof HTMLInputElement ? amount.value : amount.textContent}"`,
      );
  }
  return {
    stories: document.querySelectorAll('[data-story]').length,
    pageWidth: document.documentElement.scrollWidth,
    overflowing: [...overflowing],
    clipped,
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Runs in the page: axe's WCAG 2.1 A/AA rules over every story, colour contrast included (jsdom can't).
async function axeViolations(): Promise<string[]> {
  type Result = { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
  const axe = (window as unknown as { axe: { run: (context: Element, options: object) => Promise<Result> } })
    .axe;
  const result = await axe.run(document.getElementById('stories')!, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

// Every story of the catalogue at a phone, a small phone and a desktop width: the page never scrolls
// sideways, no amount is cut off, and axe finds nothing (in a real browser, so colour contrast counts).
// One browser; one page per width holds every story.
describeInChromium('every story at every width in Chromium', () => {
  let stories: StoryBrowser;
  beforeAll(async () => {
    stories = await startStoryBrowser();
  }, 120_000);
  afterAll(() => stories?.close());

  for (const width of [320, 390, 1280]) {
    it(`${width} px: no sideways scroll, no clipped amount, no axe violation`, {
      timeout: 120_000,
    }, async () => {
      const { page, ids } = await stories.open({ width });
      // Let data load and animations settle: wait until only the Loading stories are still loading.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-state="loading"]')].every((element) =>
            element.closest('[data-story]')?.getAttribute('data-story')?.endsWith('/Loading'),
          ),
        null,
        {
          timeout: 10_000,
        },
      );
      const problems = await page.evaluate(measure);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(axeViolations);
      await page.close();
      expect(problems.stories).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(90);
      expect(problems.overflowing).toEqual([]);
      expect(problems.clipped).toEqual([]);
      expect(problems.pageWidth).toBe(width);
      expect(violations).toEqual([]);
    });
  }
});
