import '@mandarin-kit/ui/styles.css';
import './demo.css';
import { createBffClient } from '@mandarin-kit/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

// The page talks only to the BFF, on its own origin.
const client = createBffClient({ baseUrl: window.location.origin });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
