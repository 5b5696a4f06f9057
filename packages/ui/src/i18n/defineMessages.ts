/** The locales the kit ships strings for. */
export type Locale = 'ru' | 'en';

/** A component's strings in every locale; `en` must have every key `ru` has. */
export interface MessageBundle<K extends string> {
  ru: Record<K, string>;
  en: Record<K, string>;
}

/**
 * Declares a component's strings, each key with its Russian and English text side by side: no locale can miss
 * a key, and a key is shipped once rather than once per locale. Each component keeps its own so that unused
 * ones tree-shake away; callers mark the call pure so that a bundler may drop a bundle nobody reads.
 */
export function defineMessages<K extends string>(
  strings: Record<K, readonly [ru: string, en: string]>,
): MessageBundle<K> {
  const bundle = { ru: {}, en: {} } as MessageBundle<K>;
  for (const key in strings) [bundle.ru[key], bundle.en[key]] = strings[key];
  return bundle;
}

/** Fills `{name}` placeholders. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
