/** Starts the kind designers' dev harness on Vite's dev server, forwarding /api to a running Stagecraft server. */
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import react from '@vitejs/plugin-react';

export async function startKindsHarness(opts: { port?: number; apiUrl: string }): Promise<{ url: string; server: ViteDevServer }> {
  const server = await createServer({
    root: fileURLToPath(new URL('.', import.meta.url)),
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    server: { host: '127.0.0.1', port: opts.port ?? 0, strictPort: opts.port !== undefined, proxy: { '/api': opts.apiUrl } },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return { url: `http://127.0.0.1:${port}`, server };
}
