import { useEffect, useState } from 'react';

/** The demo's pages, addressed by the URL hash so that a reload keeps the page. */
export const pages = ['wallet', 'payouts', 'operator', 'events'] as const;
export type Page = (typeof pages)[number];

const current = (): Page => {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return (pages as readonly string[]).includes(hash) ? (hash as Page) : 'wallet';
};

/** The page in the hash, updated on navigation. */
export function useHashRoute(): Page {
  const [page, setPage] = useState<Page>(current);
  useEffect(() => {
    const update = () => setPage(current());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return page;
}
