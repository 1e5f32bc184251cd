// The count listener's thread starts here (lib/server/count-listener.ts). Node gives a thread
// none of the loaders the app runs under, so this plain file loads the TypeScript through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./count-worker.ts', import.meta.url);
