/** `npm start`: configuration from the environment, then the server. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_TENANT, DIST_DIR, startServer } from './start.js';
import { DEMO_PASSWORD } from '../runtime/templates/demoUsers.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const mongodbUrl = process.env.MONGODB_URL || undefined;

if (!existsSync(DIST_DIR)) console.warn('The UI is not built (dist/ is missing): run `npm run build`. The API still works.');

const server = await startServer({ port, host, dataDir, mongodbUrl, seedDemo: true, logger: process.env.LOG === '1', operatorKey: process.env.STAGECRAFT_OPERATOR_KEY || undefined });
const local = `http://localhost:${port}`;
console.log(`Stagecraft is running on ${local}`);
console.log(`  store: ${mongodbUrl ? 'MongoDB' : `embedded, in ${dataDir}`}`);
if (server.seeded) console.log(`  created tenant "${DEMO_TENANT}" from the B2B CRM template with sample data: ${JSON.stringify(server.seeded)}`);
console.log(`  app:  ${local}/app/${DEMO_TENANT}/opportunity`);
console.log(`  API:  ${local}/api/t/${DEMO_TENANT}/openapi.json`);
console.log(`  sign in as admin@demo.local, director@demo.local, manager1@demo.local, manager2@demo.local or rep1…rep10@demo.local, password ${DEMO_PASSWORD}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close().then(() => process.exit(0), () => process.exit(1));
  });
}
