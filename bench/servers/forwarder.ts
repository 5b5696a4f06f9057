// Bench helper process: the baseline, a bare node:http forwarder that relays GET /balance to the emulator
// with a fixed Bearer token and Mid: no session, no owner check, no validation, no logging.
import http from 'node:http';

const [upstream, path, token, mid] = process.argv.slice(2) as [string, string, string, string];
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const target = new URL(path, upstream);
const server = http.createServer((req, res) => {
  const outgoing = http.request(
    target,
    { method: 'GET', agent, headers: { authorization: `Bearer ${token}`, mid, accept: 'application/json' } },
    (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, { 'content-type': 'application/json' });
      upstreamRes.pipe(res);
    },
  );
  outgoing.on('error', () => {
    res.writeHead(502).end();
  });
  outgoing.end();
  req.resume();
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${address.port}` }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
