/**
 * Builds the sandboxed process (judgeChild.ts) into plain ES modules with Vite, so it can run under
 * Node's permission model. Loading it through a Vite dev server instead would need Vite's native
 * transformer (a native addon: the sandbox must refuse those, or user code could load one that
 * writes files) and write access for Vite's caches. The bundle holds tfjs's glue and the realm
 * code only: no problem (references and cases stay in the parent), so editing a problem needs no
 * rebuild.
 *
 * Builds are cached in node_modules/.cache/tensordojo-judge/<hash of src and workers>, so only
 * the first judge after an edit pays for one (about a second or two).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The folders whose files can go into the bundle (bare imports stay external, read from node_modules). */
const SOURCE_DIRS = ['src', 'workers'];
/** Bump when the build settings below change, so old caches are not reused. */
const BUILD_VERSION = '2';
const ENTRY = 'judge-child.mjs';
/** Markdown (statements, hints, solutions) never reaches the judge; an edit to it needs no rebuild. */
const IGNORED = /\.md$/;
/**
 * Builds not used for this long are removed when a new one is made. The sandboxed process loads
 * all of its bundle at start-up, long before this.
 */
const STALE_MS = 10 * 60 * 1000;

function bundleCacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'tensordojo-judge');
}

/** A hash of every file the bundle can include, with its path. */
function sourceHash(root: string): string {
  const hash = createHash('sha256').update(BUILD_VERSION);
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) {
    const base = join(root, dir);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && !IGNORED.test(entry.name)) files.push(join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name));
    }
  }
  for (const file of files.sort()) {
    hash.update(`\0${relative(root, file)}\0`);
    try {
      hash.update(readFileSync(file));
    } catch {
      // Deleted while we listed the folder: it will not be in the bundle either.
    }
  }
  return hash.digest('hex').slice(0, 20);
}

/** The bundled entry of the sandboxed process, built first when the sources changed. */
export async function ensureChildBundle(root: string): Promise<string> {
  const cache = bundleCacheDir(root);
  const dir = join(cache, sourceHash(root));
  const entry = join(dir, ENTRY);
  if (existsSync(entry)) {
    // Mark it used, so a concurrent judge's pruning leaves it alone.
    try {
      utimesSync(dir, new Date(), new Date());
    } catch {
      // Not ours to touch (a read-only checkout): pruning only removes what is long unused anyway.
    }
    return entry;
  }
  // Build beside the final folder and rename: a concurrent judge never sees half a bundle.
  const staging = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const { build } = await import('vite');
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'error',
      publicDir: false,
      build: {
        ssr: join(root, 'src/cli/judgeChild.ts'),
        outDir: staging,
        emptyOutDir: true,
        minify: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        rolldownOptions: {
          // .mjs throughout: a .js file under node_modules/ is not covered by the repo's "type": "module".
          output: { format: 'es', entryFileNames: ENTRY, chunkFileNames: 'chunks/[name]-[hash].mjs' },
          onwarn: () => undefined,
        },
      },
    });
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another judge finished the same build first: use theirs.
      if (!existsSync(entry)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  pruneStale(cache, dir);
  return entry;
}

function pruneStale(cache: string, keep: string): void {
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (path === keep) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by a concurrent judge.
    }
  }
}
