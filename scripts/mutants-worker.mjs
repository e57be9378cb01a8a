// One judging process for `npm run mutants`: loads the judge through Vite (problem discovery works as
// in the app), then judges the mutants it is sent, reporting before and after each one so the
// parent can tell a mutant that never returns (an infinite loop) or kills the process (a huge
// allocation is a fatal V8 error, which would take a worker thread's whole process with it) and
// start a new one on what is left. A child process, not a thread, for exactly that reason.
import { createModuleServer } from './viteNode.mjs';

const workerData = await new Promise((resolve) => process.once('message', resolve));
const parentPort = { postMessage: (message) => process.send(message) };

console.log = (...args) => process.stderr.write(`${args.join(' ')}\n`);
console.warn = () => {};
const server = await createModuleServer(workerData.root);
const { prepareMutantsOnCpu } = await server.ssrLoadModule('/src/mutants/judgeMutants.ts');

for (const { problemId, skip } of workerData.work) {
  let prepared;
  try {
    prepared = await prepareMutantsOnCpu(problemId);
  } catch (error) {
    parentPort.postMessage({ type: 'problem', problemId, error: String(error?.stack ?? error) });
    continue;
  }
  const { mutants, equivalents, referenceStatus } = prepared;
  parentPort.postMessage({ type: 'problem', problemId, referenceStatus, count: mutants.length, equivalents });
  const onlyKeys = workerData.only ? new Set(workerData.only) : undefined;
  for (const mutant of mutants) {
    if (skip.includes(mutant.key) || (onlyKeys && !onlyKeys.has(mutant.key))) continue;
    const { source, ...info } = mutant;
    parentPort.postMessage({ type: 'start', problemId, mutant: info });
    let outcome;
    try {
      outcome = await prepared.judge(mutant);
    } catch (error) {
      outcome = { status: 'internal-error', detail: String(error) };
    }
    parentPort.postMessage({ type: 'result', problemId, key: mutant.key, ...outcome });
  }
}
await server.close();
parentPort.postMessage({ type: 'done' });
process.disconnect();
