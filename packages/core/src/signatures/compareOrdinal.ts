/**
 * Orders strings by UTF-16 code units (`Z` before `a`), as signature schemes do; unlike `localeCompare`, the
 * result does not depend on the runtime's locale.
 */
export function compareOrdinal(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
