import { serve, stopOnSignals } from './serve';

/**
 * `npm start`: builds when the sources changed, applies migrations, seeds, and serves.
 * `npm run dev` does the same with Next's development server and no build.
 */
const { stop } = await serve({ dev: process.argv.includes('--dev') });
stopOnSignals(stop);
