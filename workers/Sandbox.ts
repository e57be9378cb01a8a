import type { BackendName } from '../src/shared/protocol';
import type { TF } from '../src/judge/inputs';
import type { ArgSpec, ForbiddenApi } from '../src/judge/problem';
import { InProcessRealm, type CallOptions, type CallOutcome, type LoadOutcome, type RealmCall } from '../src/judge/realm';
import { capTensorMemory } from '../src/judge/memoryLimit';
import { startBackend } from './autoBackend';

/**
 * The user's realm in the browser: a worker of its own, one per judged run, holding tfjs and the
 * user's module and nothing of the judge (no problem code, references, hidden answers or verdicts).
 * The runner worker sends each case's inputs as plain data and gets the output back as plain data;
 * whatever the user's code patches here dies with this worker when the run ends.
 */
export class Sandbox {
  private readonly realm: InProcessRealm;

  constructor(
    private readonly tf: TF,
    /** Locks the global scope down once the backend is up (the wasm backend fetches its binary first). */
    private readonly lockDown: () => void,
    /** Loads a backend's module on demand (the worker entry imports WebGPU only when asked). */
    private readonly loadBackend: (backend: BackendName) => Promise<void> = async () => {},
  ) {
    this.realm = new InProcessRealm(tf);
  }

  async init(backend: BackendName): Promise<void> {
    await this.loadBackend(backend);
    await startBackend(this.tf, backend, async () => ({ backend, reason: 'the runner chose it' }));
    capTensorMemory(this.tf);
    this.lockDown();
  }

  load(source: string, entry: string, forbiddenApis: ForbiddenApi[] = []): Promise<LoadOutcome> {
    return this.realm.load(source, entry, forbiddenApis);
  }

  call(args: ArgSpec[], options: CallOptions): Promise<CallOutcome> {
    return this.realm.call(args, options);
  }

  callAll(calls: RealmCall[]): Promise<CallOutcome[]> {
    return this.realm.callAll(calls);
  }
}

export type SandboxApi = Pick<Sandbox, 'init' | 'load' | 'call' | 'callAll'>;
