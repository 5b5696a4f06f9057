// @vitest-environment node
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

// Every story of the catalogue at a phone, a small phone and a desktop width: the page never scrolls
// sideways and no amount is cut off. One browser; one page per width holds every story.
describeInChromium('every story at every width in Chromium', () => {
  let stories: StoryBrowser;
  beforeAll(async () => {
    stories = await startStoryBrowser();
  }, 120_000);
  afterAll(() => stories?.close());

  for (const width of [320, 390, 1280]) {
    it(`${width} px: no sideways scroll, no clipped amount`, { timeout: 120_000 }, async () => {
      const { page, ids } = await stories.open({ width });
      // Let data load and animations settle: wait until no story is still loading.
      await page.waitForFunction(
        () => document.querySelectorAll('[data-state="loading"]').length <= 4,
        null,
        {
          timeout: 10_000,
        },
      );
      const problems = await page.evaluate(measure);
      await page.close();
      expect(problems.stories).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(90);
      expect(problems.overflowing).toEqual([]);
      expect(problems.clipped).toEqual([]);
      expect(problems.pageWidth).toBe(width);
    });
  }
});
