// @vitest-environment node
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from './chromium.js';
import { type StoryBrowser, startStoryBrowser } from './storyBrowser.js';

// Theming as the README documents it: a host sets tokens on :root and every component follows, light or
// dark; the kit takes the host's font unless --mk-font-family names one.
describeInChromium('theming in Chromium', () => {
  let stories: StoryBrowser;
  beforeAll(async () => {
    stories = await startStoryBrowser();
  }, 120_000);
  afterAll(() => stories?.close());

  const buttonStyle = async (story: string, css: string) => {
    const { page } = await stories.open({ width: 800, story, css });
    await page.waitForSelector('[data-slot="confirm"]');
    const style = await page.evaluate(() => {
      const button = document.querySelector<HTMLElement>('[data-slot="confirm"]')!;
      const { backgroundColor, borderTopLeftRadius, fontFamily } = getComputedStyle(button);
      return { backgroundColor, borderTopLeftRadius, fontFamily };
    });
    await page.close();
    return style;
  };

  it('tokens set on :root reach a component: colour, radius and font', async () => {
    const css = `:root { --mk-color-accent: rgb(1, 2, 3); --mk-radius-small: 13px; --mk-font-family: Georgia, serif; }`;
    expect(await buttonStyle('SbpRecipientConfirmation/Filled', css)).toEqual({
      backgroundColor: 'rgb(1, 2, 3)',
      borderTopLeftRadius: '13px',
      fontFamily: 'Georgia, serif',
    });
  });

  it("takes the host page's font when --mk-font-family is not set", async () => {
    // `html body` so that it beats the catalogue's own page font.
    const css = `html body { font-family: "Courier New", monospace; }`;
    const style = await buttonStyle('SbpRecipientConfirmation/Filled', css);
    expect(style.fontFamily).toBe('"Courier New", monospace');
    expect(style.backgroundColor).toBe('rgb(194, 65, 12)');
  });

  it('the dark theme switches colours only: a radius set on :root still applies', async () => {
    const css = `:root { --mk-color-accent: rgb(1, 2, 3); --mk-radius-small: 13px; }`;
    const style = await buttonStyle('SbpRecipientConfirmation/Dark', css);
    expect(style.borderTopLeftRadius).toBe('13px');
    expect(style.backgroundColor).toBe('rgb(251, 146, 60)');
  });
});
