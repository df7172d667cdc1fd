import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'renderer/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    // Vitest's default is one worker per core minus one: a single worker on a 2-core CI machine, which
    // then idles while a test waits on a child process, an fsync or a loopback server. Two at least.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Files share a worker's module graph instead of importing the whole core (contract, drizzle, every
    // domain) again for each of the ~80 files: importing was as long as the tests themselves. Nothing
    // here keeps state in a module between files (every test builds its own core, clock and folder;
    // module-level maps are caches keyed by the connection or pure memos), and no test mocks a module.
    isolate: false,
  },
});
