import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe.js';

describe('axeViolations', () => {
  it('does find problems in jsdom, so a clean story result means something', async () => {
    const root = document.createElement('div');
    root.innerHTML = '<input type="text"><button></button>';
    document.body.appendChild(root);
    const found = describeViolations(await axeViolations(root));
    root.remove();
    expect(found.some((line) => line.startsWith('label:'))).toBe(true);
    expect(found.some((line) => line.startsWith('button-name:'))).toBe(true);
  });
});
