/**
 * `virtual:tfjs-core-typings`: tfjs-core's ~600 declaration files as one module (path → text), for
 * Monaco's TypeScript service. A glob import would be 600 modules — one request each on the dev
 * server, where they made the editor's first appearance take seconds.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:tfjs-core-typings';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

async function declarationFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await declarationFiles(full)));
    else if (entry.name.endsWith('.d.ts') && !entry.name.endsWith('_test.d.ts')) found.push(full);
  }
  return found.sort();
}

export function tfjsCoreTypings(): Plugin {
  let root = process.cwd();
  return {
    name: 'tensordojo-tfjs-core-typings',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      const dist = path.join(root, 'node_modules/@tensorflow/tfjs-core/dist');
      const typings: Record<string, string> = {};
      for (const file of await declarationFiles(dist)) {
        typings[`/${path.relative(root, file).split(path.sep).join('/')}`] = await readFile(file, 'utf8');
      }
      return { code: `export default ${JSON.stringify(typings)};`, moduleType: 'js' };
    },
  };
}
