import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildStoryPage } from './buildStoryPage.js';
import { launchChromium } from './chromium.js';
import { serveFolder } from './serveFolder.js';

/** The story page built and served, and one browser to open it in. */
export interface StoryBrowser {
  browser: Browser;
  /** Opens the story page (`?story=` keeps the ids starting so) once every story has rendered and played. */
  open(options: { width: number; story?: string; css?: string }): Promise<{ page: Page; ids: string[] }>;
  close(): Promise<void>;
}

/** Builds the page of every story, serves it on 127.0.0.1 and starts Chromium. */
export async function startStoryBrowser(): Promise<StoryBrowser> {
  const folder = await buildStoryPage();
  const server = await serveFolder(folder);
  const browser = await launchChromium();
  return {
    browser,
    async open({ width, story = '', css }) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      if (css !== undefined) await page.addInitScript(pageCss(css));
      await page.goto(`${server.url}/storyPage.html?story=${encodeURIComponent(story)}`);
      await page.waitForFunction(() => window.storiesReady !== undefined, null, { timeout: 60_000 });
      const ready = await page.evaluate(() => window.storiesReady!);
      if ('error' in ready) throw new Error(ready.error);
      if (ready.failures.length > 0 || errors.length > 0)
        throw new Error(`stories failed in Chromium:\n${[...ready.failures, ...errors].join('\n')}`);
      return { page, ids: ready.ids };
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A script that puts a host page's own stylesheet first in <head>, before the kit's: order must not matter. */
function pageCss(css: string): string {
  return `document.addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.textContent = ${JSON.stringify(css)};
    document.head.prepend(style);
  });`;
}
