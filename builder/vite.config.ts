/**
 * Builds the app shell (and later the designer) into <repo>/dist, which the
 * server hosts with an SPA fallback. Run from the repo root:
 * `vite build --config builder/vite.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(here, '../dist'),
    emptyOutDir: true,
    // dist/.vite/manifest.json: the chunk graph, so bench/ can measure what each route loads first.
    manifest: true,
    // antd alone is several hundred kB; the warning would fire on every build without telling us anything.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        // Every route shows a table or a form, so splitting antd per page would only add requests.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|@babel[\\/]runtime|dayjs|rc-[^\\/]+)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev` serves the API on 3000; the Vite dev server forwards to it.
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
  },
});
