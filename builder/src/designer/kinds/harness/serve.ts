/** Serves the dev harness: `API_PORT=3000 npx tsx builder/src/designer/kinds/harness/serve.ts` → http://127.0.0.1:5175/ */
import { startKindsHarness } from './devServer.js';

const { url } = await startKindsHarness({ port: Number(process.env.PORT ?? 5175), apiUrl: `http://127.0.0.1:${process.env.API_PORT ?? 3000}` });
console.log(`kind designers harness: ${url}/?kind=pipeline&locale=en (add &tenant=demo&token=… for the API)`);
