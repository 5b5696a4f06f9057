// `pnpm openapi`: writes the browser API's OpenAPI document (docs/openapi.json) and its reference page
// (docs/api-reference.md), both generated from core's route table. `pnpm openapi --check` writes nothing and
// fails when the committed files differ from what the table generates (CI runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiFiles } from '../packages/core/src/api/apiReference.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const [path, text] of Object.entries(openApiFiles())) {
  const file = `${root}${path}`;
  let committed: string | undefined;
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    committed = undefined;
  }
  if (committed === text) continue;
  if (check) {
    console.error(`openapi: ${path} is not what the route table generates; run \`pnpm openapi\``);
    stale++;
  } else {
    writeFileSync(file, text);
    console.log(`openapi: wrote ${path}`);
  }
}
process.exit(stale === 0 ? 0 : 1);
