import * as Comlink from 'comlink';
import type { BackendName } from '../src/shared/protocol';
import type { CallOutcome, UserRealm } from '../src/judge/realm';
import type { SandboxApi } from './Sandbox';

/**
 * Fresh sandbox workers for the runner (see Sandbox.ts): one per judged run, thrown away after it.
 * The next one is started as soon as one is taken, so its tfjs backend is up by the time the user
 * presses Run again and a fresh realm costs no waiting.
 */
export class SandboxPool {
  private spare?: { backend: BackendName; realm: Promise<UserRealm> };

  constructor(private readonly factory: () => Worker = defaultFactory) {}

  async take(backend: BackendName): Promise<UserRealm> {
    const spare = this.spare?.backend === backend ? this.spare.realm : undefined;
    this.spare = undefined;
    const realm = spare ? await spare.catch(() => this.open(backend)) : await this.open(backend);
    this.spare = { backend, realm: this.open(backend) };
    this.spare.realm.catch(() => undefined);
    return realm;
  }

  /** Start the spare ahead of the first run. */
  warm(backend: BackendName): void {
    if (this.spare?.backend !== backend) {
      this.spare = { backend, realm: this.open(backend) };
      this.spare.realm.catch(() => undefined);
    }
  }

  private async open(backend: BackendName): Promise<UserRealm> {
    const worker = this.factory();
    const api = Comlink.wrap<SandboxApi>(worker);
    try {
      await api.init(backend);
    } catch (error) {
      worker.terminate();
      throw error;
    }
    return new SandboxRealm(worker, api);
  }
}

function defaultFactory(): Worker {
  return new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: 'sandbox' });
}

/** The runner's side of one sandbox: anything that goes wrong over there is the user's code's doing. */
class SandboxRealm implements UserRealm {
  constructor(
    private readonly worker: Worker,
    private readonly api: Comlink.Remote<SandboxApi>,
  ) {}

  async load(...args: Parameters<UserRealm['load']>) {
    try {
      return await this.api.load(...args);
    } catch (error) {
      return { ok: false as const, status: 'runtime-error' as const, error: describe(error) };
    }
  }

  async call(...args: Parameters<UserRealm['call']>): Promise<CallOutcome> {
    try {
      return await this.api.call(...args);
    } catch (error) {
      return { error: describe(error), forbidden: false };
    }
  }

  async callAll(...args: Parameters<NonNullable<UserRealm['callAll']>>): Promise<CallOutcome[]> {
    try {
      return await this.api.callAll(...args);
    } catch (error) {
      return [{ error: describe(error), forbidden: false }];
    }
  }

  dispose(): void {
    this.api[Comlink.releaseProxy]();
    this.worker.terminate();
  }
}

function describe(error: unknown) {
  let message = 'The sandbox running your code failed.';
  try {
    message = `Your code broke the sandbox it runs in: ${String((error as Error)?.message ?? error)}`;
  } catch {
    // An unreadable error: keep the plain sentence.
  }
  return { name: 'SandboxError', message };
}
