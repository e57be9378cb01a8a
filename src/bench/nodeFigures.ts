/**
 * Speed figures measured in Node, for `npm run bench` (never asserted in tests): CPU time of a full
 * run of each fixed notebook, and of a Submit of each problem's reference, on tfjs's cpu backend.
 * CPU time, not wall time, so a loaded machine moves the figures less.
 */
import * as tf from '@tensorflow/tfjs';
import { NotebookKernel } from '../../workers/NotebookKernel';
import { Runner } from '../../workers/Runner';
import { notebooks } from '../notebook/catalog';
import { applyFixes } from '../notebook/format';
import { loadSource, problemIds } from '../judge/registry';

export interface Figure {
  what: string;
  medianCpuMs: number;
  runs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function cpuMs(run: () => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  await run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

export async function measureNodeFigures(runs = 3, problemFilter: string[] = []): Promise<Figure[]> {
  await tf.setBackend('cpu');
  const figures: Figure[] = [];
  for (const notebook of notebooks) {
    const fixed = applyFixes(notebook.cells, Object.values(notebook.fixes));
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const kernel = new NotebookKernel(tf);
      times.push(
        await cpuMs(async () => {
          for (const [cellIndex, cell] of fixed.entries()) if (cell.kind === 'code') await kernel.runCell({ runId: 1, cellIndex, source: cell.source });
        }),
      );
    }
    figures.push({ what: `notebook ${notebook.id}: fixed run, cpu`, medianCpuMs: median(times), runs });
  }
  const runner = new Runner(tf);
  await runner.init('cpu');
  let runId = 1;
  for (const problemId of problemIds.filter((id) => !problemFilter.length || problemFilter.includes(id))) {
    const source = await loadSource(problemId, 'reference');
    const times: number[] = [];
    // The first Submit computes and caches the reference's answers; later ones are what a user waits.
    for (let i = 0; i <= runs; i++) {
      const ms = await cpuMs(() => runner.judge({ runId: runId++, problemId, source, mode: 'submit' }));
      if (i > 0) times.push(ms);
    }
    figures.push({ what: `submit ${problemId} (reference, warm), cpu`, medianCpuMs: median(times), runs });
  }
  return figures;
}
