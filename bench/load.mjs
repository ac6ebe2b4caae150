// Closed-loop HTTP load: N connections, each sending the next request when the previous answered.
// Usage: node bench/load.mjs URL CONNECTIONS SECONDS [COOKIE]   → prints JSON {requests, rps, errors, p50, p99}
import http from 'node:http';

const [url, connArg, secArg, cookie] = process.argv.slice(2);
const connections = Number(connArg ?? 20);
const seconds = Number(secArg ?? 10);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const u = new URL(url);
const end = Date.now() + seconds * 1000;
let requests = 0;
let errors = 0;
const latencies = [];

function once() {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, agent, headers: cookie ? { cookie } : {} },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) requests += 1;
          else errors += 1;
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          resolve();
        });
      },
    );
    req.on('error', () => {
      errors += 1;
      resolve();
    });
    req.end();
  });
}

async function loop() {
  while (Date.now() < end) await once();
}

await Promise.all(Array.from({ length: connections }, loop));
latencies.sort((a, b) => a - b);
const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
process.stdout.write(JSON.stringify({ requests, errors, rps: requests / seconds, p50: q(0.5), p99: q(0.99) }) + '\n');
agent.destroy();
