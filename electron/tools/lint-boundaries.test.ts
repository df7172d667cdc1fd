// The layer rule is enforced by ESLint on resolved paths (eslint.config.js). These tests lint small
// probes placed, by file path, inside each layer with the project's real config, so a forbidden import
// fails however the path is spelled, and an allowed one passes (the rule is not simply "always on").
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });

/** The boundary messages for `code` linted as if it were the file `file` (relative to the repo). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages
    .filter((m) => ['import-x/no-restricted-paths', 'import-x/no-nodejs-modules', '@typescript-eslint/no-restricted-imports'].includes(m.ruleId ?? ''))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const forbidden: [string, string, string][] = [
  // [file inside a layer, import, why it is forbidden]
  ['renderer/src/pipeline/Probe.tsx', "import { x } from '../../../electron/shared/../domains/notes/notes';", 'renderer → domains, spelled through shared'],
  ['renderer/src/pipeline/Probe.tsx', "import { x } from '../../../electron/db/sql';", 'renderer → db'],
  ['renderer/src/pipeline/Probe.tsx', "import { contract } from '../../../electron/api/contract';", 'renderer → contract values'],
  ['renderer/src/pipeline/Probe.tsx', "import { x } from '../../../electron/api/./contract/../dispatch';", 'renderer → api/dispatch, through contract'],
  ['renderer/src/pipeline/Probe.tsx', "import { readFileSync } from 'node:fs';", 'renderer → Node'],
  ['renderer/src/pipeline/Probe.tsx', "import { readFileSync } from 'fs';", 'renderer → Node, without node:'],
  ['renderer/src/pipeline/Probe.tsx', "import { ipcRenderer } from 'electron';", 'renderer → Electron'],
  ['electron/shared/probe.ts', "import { stmt } from '../db/sql';", 'shared → db (upward)'],
  ['electron/shared/probe.ts', "import { stmt } from './../shared/../db/sql';", 'shared → db, spelled through shared'],
  ['electron/shared/probe.ts', "import type { Ctx } from '../db/context';", 'shared → db, types too'],
  ['electron/shared/probe.ts', "export { x } from '../domains/notes/notes';", 'shared → domains, by re-export'],
  ['electron/shared/probe.ts', "export const f = () => import('../formats/vcard/parse');", 'shared → formats, by import()'],
  ['electron/shared/probe.ts', "import Database from 'better-sqlite3';", 'shared → better-sqlite3'],
  ['electron/shared/probe.ts', "import { sql } from 'drizzle-orm';", 'shared → drizzle'],
  ['electron/shared/probe.ts', "import path from 'node:path';", 'shared → Node'],
  ['electron/formats/vcard/probe.ts', "import { stmt } from '../../db/sql';", 'formats → db'],
  ['electron/db/probe.ts', "import { x } from '../domains/notes/notes';", 'db → domains'],
  ['electron/db/probe.ts', "import { contract } from '../api/contract';", 'db → contract values'],
  ['electron/domains/notes/probe.ts', "import { handlers } from '../../api/registry';", 'domains → api'],
  ['electron/domains/notes/probe.ts', "import { isHttpUrl } from '../../api/define';", 'domains → api/define'],
  ['electron/domains/notes/probe.ts', "import { NoteT } from '../../api/./contract/notes';", 'domains → contract values, odd spelling'],
  ['electron/domains/notes/probe.ts', "import { startCore } from '../../host/core';", 'domains → host'],
  ['electron/api/contract/probe.ts', "import { x } from '../../domains/notes/notes';", 'contract → domains'],
  ['electron/api/contract/probe.ts', "import { stmt } from '../../db/sql';", 'contract → db'],
  ['electron/api/probe.ts', "import { startCore } from '../host/core';", 'api → host'],
  ['electron/host/probe.ts', "import { x } from '../shell/menu';", 'host → shell'],
  ['electron/host/probe.ts', "import { app } from 'electron';", 'host → Electron'],
  ['electron/server/probe.ts', "import { x } from '../shell/ipc';", 'server → shell (across processes)'],
  ['electron/shell/probe.ts', "import { x } from '../server/http';", 'shell → server'],
  ['electron/shell/probe.ts', "import { x } from '../../renderer/src/lib/api';", 'shell → renderer'],
  ['electron/domains/notes/notes.test.ts', "import { x } from '../../../renderer/src/lib/format';", 'a main-process test → renderer'],
];

const allowed: [string, string][] = [
  ['renderer/src/pipeline/Probe.tsx', "import { STAGES } from '../../../electron/shared/domain';"],
  ['renderer/src/pipeline/Probe.tsx', "import type { MethodOutput } from '../../../electron/api/contract';"],
  ['renderer/src/pipeline/Probe.tsx', "import { type NoteT } from '../../../electron/api/contract/notes';"],
  ['renderer/src/pipeline/Probe.tsx', "import { api } from '../lib/api';"],
  ['electron/shared/probe.ts', "import { DateTime } from 'luxon';"],
  ['electron/formats/ics/probe.ts', "import { x } from '../vcard/lines';"],
  ['electron/db/probe.ts', "import type { MethodName } from '../api/contract';"],
  ['electron/domains/notes/probe.ts', "import { stmt } from '../../db/sql';\nimport { x } from '../contacts/contacts';\nimport { y } from '../../formats/eml/eml';"],
  ['electron/domains/notes/probe.ts', "import type { NoteT } from '../../api/contract/notes';"],
  ['electron/api/probe.ts', "import { x } from '../domains/notes/notes';"],
  ['electron/host/probe.ts', "import { dispatch } from '../api/dispatch';"],
  ['electron/shell/probe.ts', "import { app } from 'electron';\nimport { startCore } from '../host/core';"],
  ['electron/server/probe.ts', "import { startCore } from '../host/core';"],
  ['electron/domains/notes/notes.test.ts', "import { testCore } from '../../testing/core';"],
  ['e2e/probe.spec.ts', "import { x } from '../electron/server/http';"],
];

describe('the layer rule in ESLint', { timeout: 120_000 }, () => {
  it.each(forbidden)('%s: %s fails (%s)', async (file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it.each(allowed)('%s: %s passes', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });

  // An import that resolves to nothing is skipped by the path rule, so a probe whose target moved
  // would pass (or fail) for the wrong reason: every relative probe must name a real module.
  it.each([...forbidden, ...allowed].map(([file, code]) => [file, code] as const))('%s: %s names real modules', (file, code) => {
    for (const m of code.matchAll(/from '(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
      const spec = m[1] ?? m[2];
      const base = path.resolve(root, path.dirname(file), spec);
      const found = ['.ts', '.tsx', '/index.ts', '/index.tsx'].some((ext) => existsSync(base + ext));
      expect(found, `${spec} from ${file}`).toBe(true);
    }
  });

  it('puts every folder in electron/ in a layer', async () => {
    const folders = readdirSync(path.join(root, 'electron'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    for (const folder of folders) {
      const config = await eslint.calculateConfigForFile(path.join(root, 'electron', folder, 'probe.ts'));
      const [, { zones }] = config.rules['import-x/no-restricted-paths'] as [unknown, { zones: { target: string | string[] }[] }];
      expect(zones.flatMap((z) => z.target), folder).toContain(`electron/${folder}`);
    }
  });
});
