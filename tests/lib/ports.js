// Free TCP ports, chosen by the operating system.
import net from 'node:net';

// Ports already handed out by this process, so that two nodes never get the same one even if the OS
// offers a port again after it was closed.
const handedOut = new Set();

function askOsForPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const { port } = server.address();
      server.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

/** A TCP port on 127.0.0.1 that nothing listens on right now and that this process has not used. */
export async function freePort() {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await askOsForPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('could not find a free TCP port after 50 attempts');
}

/** `count` distinct free ports. */
export async function freePorts(count) {
  const ports = [];
  for (let i = 0; i < count; i += 1) ports.push(await freePort());
  return ports;
}
