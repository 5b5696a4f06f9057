import { createRequire } from 'node:module';
import { type BenchRow, quick, report } from './harness.js';

// RoutingSplitEditor with 500 rows: what one keystroke in one amount costs, measured with React's Profiler
// (production profiling build) in jsdom, against "split evenly", which really does change all 500 rows.
// Which components rendered is read from the committed fiber tree (PerformedWork flag), as DevTools does.
process.env.NODE_ENV = 'production';
const ui = createRequire(new URL('../packages/ui/package.json', import.meta.url));
const { JSDOM } = ui('jsdom') as typeof import('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
const g = globalThis as Record<string, unknown>;
for (const key of [
  'window',
  'document',
  'navigator',
  'HTMLElement',
  'HTMLInputElement',
  'Node',
  'Event',
  'MouseEvent',
  'KeyboardEvent',
  'InputEvent',
  'MessageEvent',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
]) {
  if (!(key in g) || key === 'navigator')
    Object.defineProperty(g, key, {
      value: (dom.window as unknown as Record<string, unknown>)[key],
      configurable: true,
      writable: true,
    });
}

const React = ui('react') as typeof import('react');
const { createRoot, flushSync } = ui('react-dom/profiling') as typeof import('react-dom/client') &
  typeof import('react-dom');
// tsx compiles with the root tsconfig, whose JSX is the classic runtime: it looks for a global React.
g.React = React;
const kit = await import('../packages/ui/src/index.js');

const ROWS = 500;
const KEYSTROKES = quick ? 3 : 40;
const defaultValue = {
  destination: Array.from({ length: ROWS }, (_, i) => ({
    accountId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    amount: { value: '10.00', currency: 'RUB' as const },
    platformFeeAmount: { value: '0.10', currency: 'RUB' as const },
    description: '',
  })),
};

let lastCommit = 0;
const onRender: import('react').ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
  lastCommit += actualDuration;
};
const client = kit.createBffClient({ baseUrl: '', fetch: () => Promise.reject(new Error('no network')) });
const container = document.createElement('div');
document.body.appendChild(container);
const root = createRoot(container);
const h = React.createElement;
flushSync(() => {
  root.render(
    h(
      React.Profiler,
      { id: 'editor', onRender },
      h(
        kit.MandarinKitProvider,
        { client, liveEvents: false },
        h(kit.RoutingSplitEditor, { total: 500000n, defaultValue }),
      ),
    ),
  );
});

interface Fiber {
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
}
function rendered(): Map<string, number> {
  const key = Object.keys(container).find((k) => k.startsWith('__reactContainer$'))!;
  const hostRoot = (container as unknown as Record<string, { stateNode: { current: Fiber } }>)[key]!;
  const counts = new Map<string, number>();
  const stack: Fiber[] = [hostRoot.stateNode.current];
  while (stack.length) {
    const fiber = stack.pop()!;
    const name = typeof fiber.type === 'function' ? (fiber.type as { name: string }).name : null;
    // PerformedWork (1): the component's function ran in the last commit.
    if (name?.startsWith('RoutingSplit') && fiber.flags & 1) counts.set(name, (counts.get(name) ?? 0) + 1);
    if (fiber.child) stack.push(fiber.child);
    if (fiber.sibling) stack.push(fiber.sibling);
  }
  return counts;
}

const setValue = Object.getOwnPropertyDescriptor(dom.window.HTMLInputElement.prototype, 'value')!.set!;
const amountInput = () => container.querySelectorAll<HTMLInputElement>('[data-slot="amount"]')[249]!;
function commitOf(action: () => void): number {
  lastCommit = 0;
  // flushSync commits before it returns, so each action is exactly one measured commit.
  flushSync(action);
  return lastCommit;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const typing: number[] = [];
let renderedByTyping = new Map<string, number>();
for (let i = 0; i < KEYSTROKES; i++) {
  const input = amountInput();
  typing.push(
    commitOf(() => {
      setValue.call(input, i % 2 === 0 ? '10,5' : '10,50');
      input.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    }),
  );
  renderedByTyping = rendered();
}
const evenly: number[] = [];
let renderedByEvenly = new Map<string, number>();
for (let i = 0; i < Math.max(3, KEYSTROKES / 8); i++) {
  const button = container.querySelector<HTMLButtonElement>('[data-slot="split-evenly"]')!;
  // Alternate the total so that every press really changes every row.
  evenly.push(commitOf(() => button.dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true }))));
  renderedByEvenly = rendered();
  commitOf(() => {
    const input = amountInput();
    setValue.call(input, '1');
    input.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  });
}
flushSync(() => root.unmount());

const describe = (m: Map<string, number>) => [...m].map(([name, n]) => `${name}×${n}`).join(', ');
console.log(`rendered by one keystroke: ${describe(renderedByTyping)}`);
console.log(`rendered by split evenly:  ${describe(renderedByEvenly)}`);
const onlyRowAndTotals =
  renderedByTyping.get('RoutingSplitRow') === 1 && renderedByTyping.get('RoutingSplitTotals') === 1;

const rows: BenchRow[] = [
  {
    name: `RoutingSplitEditor ${ROWS} rows: type in one amount (commit, median)`,
    unit: 'ms',
    value: median(typing),
    baseline: { name: 'split evenly (all rows change)', value: median(evenly) },
    higherIsBetter: false,
    target: '≤ 8 ms; re-renders 1 row + totals',
    pass: median(typing) <= 8 && onlyRowAndTotals,
  },
];
report('ui-routing', rows);
