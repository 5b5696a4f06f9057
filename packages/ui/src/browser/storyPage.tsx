/// <reference types="vite/client" />
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { userEvent, within } from 'storybook/test';
import preview from '../../.storybook/preview.js';

// Every story of the catalogue on one page, each in its own React root so that all stay mounted (a composed
// story's own run() unmounts the one before), one after another (each play function finishes before the next
// story mounts, so no two fight over focus). `?story=BalanceWidget/` keeps the stories whose id starts so.
setProjectAnnotations([preview]);
// Each story has its own fake client, but a page's Web Locks are shared: a story whose first call never
// answers (a loading state) would hold every later story's first call. One client per page is the real case.
Object.defineProperty(navigator, 'locks', { value: undefined });
const modules = import.meta.glob<Parameters<typeof composeStories>[0]>('../**/*.stories.tsx', {
  eager: true,
});
/** What this page uses of a composed story. */
type Composed = (() => ReactNode) & {
  load: () => Promise<void>;
  play?: (context: Record<string, unknown>) => Promise<void>;
};

declare global {
  interface Window {
    /** Set once every story has rendered and played: the ids, or an error. */
    storiesReady?: { ids: string[]; failures: string[] } | { error: string };
  }
}

async function renderStories(): Promise<{ ids: string[]; failures: string[] }> {
  const only = new URLSearchParams(location.search).get('story') ?? '';
  const root = document.getElementById('stories')!;
  const ids: string[] = [];
  const failures: string[] = [];
  for (const [path, module] of Object.entries(modules)) {
    const file = path.replace(/^.*\//, '').replace('.stories.tsx', '');
    for (const [name, Story] of Object.entries(composeStories(module)) as unknown as Array<
      [string, Composed]
    >) {
      const id = `${file}/${name}`;
      if (!id.startsWith(only)) continue;
      const canvasElement = document.createElement('div');
      canvasElement.dataset.story = id;
      root.append(canvasElement);
      // A play function that fails is reported with its story; the rest still render.
      // Loaders and beforeEach (the fake hosted fields); this also runs the cleanups of the story before.
      await Story.load();
      // Rendered before the play function looks for anything, as Storybook's own runner does.
      const reactRoot = createRoot(canvasElement);
      flushSync(() => reactRoot.render(<Story />));
      try {
        await Story.play?.({ canvasElement, canvas: within(canvasElement), userEvent });
      } catch (error) {
        failures.push(`${id}: ${String(error).split('\n')[0]}`);
      }
      ids.push(id);
    }
  }
  return { ids, failures };
}

renderStories().then(
  (result) => {
    window.storiesReady = result;
  },
  (error: unknown) => {
    window.storiesReady = { error: String(error) };
  },
);
