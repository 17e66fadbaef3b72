// A bare Fastify server with one JSON POST route: the baseline the Sunlog API is compared with.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
let count = 0;
app.post('/write', async (_request, reply) => {
  count += 1;
  return reply.code(201).send({ ok: true, count });
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no address');
console.log(`Bare Fastify is running at http://127.0.0.1:${address.port}`);
