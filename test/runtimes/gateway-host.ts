// Serves the matrix gateway on the runtime under test (Node 20/22/24, Bun)
// over node:http on 127.0.0.1, port 0, and prints `LISTENING <url>`.
// Argument: the server package's specifier.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as ServerPackage from '../../generated/server/src/index.ts';
import { matrixGateway } from './gateway-app.ts';

const pkg = (await import(process.argv[2]!)) as typeof ServerPackage;
const server = http.createServer(matrixGateway(pkg));
server.listen(0, '127.0.0.1', () => {
  console.log(`LISTENING http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest`);
});
