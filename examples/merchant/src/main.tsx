import '@mandarin-kit/ui/styles.css';
import { createBffClient } from '@mandarin-kit/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Wallet } from './Wallet.js';

// '' when the BFF is mounted on this page's origin; its origin (https://api.shop.example) when it is not.
const client = createBffClient({ baseUrl: import.meta.env.VITE_BFF_URL ?? '' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Wallet client={client} />
  </StrictMode>,
);
