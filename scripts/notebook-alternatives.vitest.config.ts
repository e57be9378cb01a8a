/**
 * Runs the alternative-fix checks kept next to some notebooks (`notebooks/<id>/alternatives.test.ts`):
 * each replaces one reference fix with a different but correct fix and expects the grader to accept
 * it. They are outside the unit project (whose include is tests/unit and problems), so:
 *
 *   npx vitest run -c scripts/notebook-alternatives.vitest.config.ts
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { environment: 'node', include: ['notebooks/*/alternatives.test.ts'], testTimeout: 120_000 },
});
