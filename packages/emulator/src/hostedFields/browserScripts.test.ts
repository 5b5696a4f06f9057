import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { GENERATED, generateBrowserScripts } from '../../scripts/bundleBrowserScripts.js';
import { FIELD_JS, HOSTED_JS } from './browserScripts.generated.js';

describe('browser scripts', () => {
  it(`${GENERATED} is what src/hostedFields/browser bundles to (run the bundle-browser script when not)`, async () => {
    const committed = readFileSync(new URL(`../../${GENERATED}`, import.meta.url), 'utf8');
    const fresh = await generateBrowserScripts();
    expect(committed === fresh, 'stale: pnpm --filter @mandarin-kit/emulator bundle-browser').toBe(true);
  }, 30_000);

  it('are classic scripts in ES2019: no module syntax, no optional chaining or nullish coalescing', () => {
    for (const source of [HOSTED_JS, FIELD_JS]) {
      expect(() => new Script(source)).not.toThrow();
      expect(source).toMatch(/^\/\* Mandarin Kit emulator: [^\n]+ \*\/\n"use strict";\n\(\(\) => \{\n/);
      expect(source).not.toMatch(/\?\.|\?\?|^\s*(?:import|export)\s/m);
    }
  });
});
