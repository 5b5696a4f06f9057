/// <reference types="vite/client" />
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { act } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import preview from '../.storybook/preview.js';
import { axeViolations, describeViolations } from './testing/axe.js';

// Every story of the catalogue is rendered (and its play function run) here, so a broken story fails CI,
// and axe checks what it rendered.
setProjectAnnotations([preview]);
const modules = import.meta.glob<Parameters<typeof composeStories>[0]>('./**/*.stories.tsx', { eager: true });
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 60)));

afterAll(() => {
  document.body.innerHTML = '';
});

for (const [path, module] of Object.entries(modules)) {
  describe(path.replace(/^\.\/.*\//, '').replace('.stories.tsx', ''), () => {
    const stories = Object.entries(composeStories(module)) as Array<
      [string, { run: (context?: { canvasElement?: HTMLElement }) => Promise<void> }]
    >;
    for (const [name, Story] of stories) {
      it(name, { timeout: 20_000 }, async () => {
        const canvasElement = document.createElement('div');
        document.body.appendChild(canvasElement);
        try {
          await Story.run({ canvasElement });
          await settle();
          expect(canvasElement.querySelector('[data-slot="root"]')).not.toBeNull();
          // Every element a component renders is addressable by data-slot.
          const unslotted = [...canvasElement.querySelectorAll('[data-slot="root"] *:not([data-slot])')];
          expect(unslotted.map((element) => element.outerHTML.slice(0, 80))).toEqual([]);
          expect(describeViolations(await axeViolations(canvasElement))).toEqual([]);
        } finally {
          canvasElement.remove();
        }
      });
    }
  });
}
