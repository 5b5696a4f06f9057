/** The locales the kit ships strings for. */
export type Locale = 'ru' | 'en';

/** A component's strings in every locale; `en` must have every key `ru` has. */
export interface MessageBundle<K extends string> {
  ru: Record<K, string>;
  en: Record<K, string>;
}

/** Declares a component's strings; each component keeps its own so that unused ones tree-shake away. */
export function defineMessages<K extends string>(bundle: MessageBundle<K>): MessageBundle<K> {
  return bundle;
}

/** Fills `{name}` placeholders. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
