// Bench helper process: the baseline, a bare node:http server that relays GET /balance to the emulator
// through undici (a keep-alive pool) with a fixed Bearer token and Mid: no session, no owner check, no
// validation, no logging.
import http from 'node:http';

// undici: a root dev dependency, for this baseline only (the BFF's upstream client is node:http, which measured
// cheaper per call than undici with a whole-exchange timeout; see /work/notes/perf-21.md).
import { Pool } from 'undici';

const [upstream, path, token, mid] = process.argv.slice(2) as [string, string, string, string];
const pool = new Pool(new URL(upstream).origin, { connections: 256 });
const headers = { authorization: `Bearer ${token}`, mid, accept: 'application/json' };
const server = http.createServer((req, res) => {
  req.resume();
  pool.request({ path, method: 'GET', headers }).then(
    async (answer) => {
      const text = await answer.body.text();
      res.writeHead(answer.statusCode, { 'content-type': 'application/json' });
      res.end(text);
    },
    () => {
      res.writeHead(502).end();
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${address.port}` }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
