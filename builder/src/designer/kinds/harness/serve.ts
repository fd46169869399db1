/** Serves the dev harness: `npx tsx builder/src/designer/kinds/harness/serve.ts` → http://127.0.0.1:5175/ (API proxied to :$API_PORT, default 3000). */
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import react from '@vitejs/plugin-react';

const server = await createServer({
  root: fileURLToPath(new URL('.', import.meta.url)),
  configFile: false,
  plugins: [react()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5175), strictPort: true, proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? 3000}` } },
});
await server.listen();
server.printUrls();
