/**
 * The store drivers are optional peer dependencies of `@mandarin-kit/bff`: a merchant installs the one it uses
 * (`better-sqlite3` or `pg`). Each driver module is imported only when its store opens, and a missing package
 * is named, with the command that installs it, instead of Node's bare "Cannot find package".
 */
export async function loadDriver<T>(store: string, pkg: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isMissingPackage(error, pkg)) throw error;
    throw new Error(
      `The ${store} store needs the package "${pkg}", which is not installed: run \`npm install ${pkg}\` ` +
        `(or \`pnpm add ${pkg}\`) in your app.`,
      { cause: error },
    );
  }
}

/** Whether `error` is the module loader failing to find `pkg` itself (not something `pkg` imports). */
function isMissingPackage(error: unknown, pkg: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  return error.message.includes(`'${pkg}'`) || error.message.includes(`"${pkg}"`);
}
