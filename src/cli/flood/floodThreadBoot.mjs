// Worker-thread bootstrap: registers tsx (as bin/twin.mjs does) and loads the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./floodThread.ts');
