import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library cleans up by itself only where test globals exist; this project imports them.
afterEach(() => {
  cleanup();
});
