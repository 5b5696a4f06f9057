import type { ReactNode } from 'react';
import { useDemoText } from './useDemoText.js';

/** A note about the sandbox: clearly marked, never part of a real integration. */
export function SandboxNote({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const t = useDemoText();
  return (
    <p className={wide ? 'demo-sandbox demo-sandbox--wide' : 'demo-sandbox'}>
      <strong className="demo-sandbox__tag">{t('sandbox')}</strong> {children}
    </p>
  );
}
