/**
 * The worker lifetime shared by the runner and the notebook kernel: a start that replaces one still
 * starting (backend switched twice, Restart double-clicked) must never leave a dead worker behind,
 * including when the replaced start-up times out later.
 */
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerSlot } from '../../src/runner/WorkerSlot';

interface FakeApi {
  init(): Promise<string>;
  ping(): Promise<string>;
}

/** A stand-in for a Worker: a MessageChannel whose far end serves `FakeApi`; init never answers when `hang`. */
function fakeWorkerFactory(log: string[], hangFirst: number) {
  let made = 0;
  const ports: MessagePort[] = [];
  const factory = () => {
    const name = `w${++made}`;
    const hang = made <= hangFirst;
    const { port1, port2 } = new MessageChannel();
    let alive = true;
    Comlink.expose(
      {
        init: () => (hang ? new Promise<string>(() => {}) : Promise.resolve(name)),
        ping: () => (alive ? Promise.resolve(`pong from ${name}`) : new Promise<string>(() => {})),
      } satisfies FakeApi,
      port2,
    );
    ports.push(port1, port2);
    const worker = port1 as unknown as Worker;
    (worker as unknown as { terminate: () => void }).terminate = () => {
      alive = false;
      log.push(`terminated ${name}`);
      port1.close();
      port2.close();
    };
    return worker;
  };
  return { factory, close: () => ports.forEach((p) => p.close()) };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('WorkerSlot', () => {
  it('a start that replaces one still starting survives the replaced start-up timing out', async () => {
    const log: string[] = [];
    const { factory, close } = fakeWorkerFactory(log, 1);
    cleanups.push(close);
    const slot = new WorkerSlot<FakeApi, string>(factory, (api) => api.init(), 100);
    const first = slot.start();
    const second = slot.start();
    // Both callers learn that the newest worker is ready; the replaced one never reports a failure.
    expect(await second).toBe('w2');
    expect(await first).toBe('w2');
    // Let the replaced start-up's budget run out: the new worker must be untouched.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(log).toEqual(['terminated w1']);
    const { api, info } = await slot.acquire();
    expect(info).toBe('w2');
    expect(await api.ping()).toBe('pong from w2');
  });

  it('a caller waiting for start-up follows a newer start instead of getting a dead handle', async () => {
    const log: string[] = [];
    const { factory, close } = fakeWorkerFactory(log, 1);
    cleanups.push(close);
    const slot = new WorkerSlot<FakeApi, string>(factory, (api) => api.init(), 10_000);
    void slot.start().catch(() => undefined);
    const waiting = slot.acquire();
    void slot.start();
    const { api, info } = await waiting;
    expect(info).toBe('w2');
    expect(await api.ping()).toBe('pong from w2');
  });

  it('terminating a generation that is no longer current does nothing to the current worker', async () => {
    const log: string[] = [];
    const { factory, close } = fakeWorkerFactory(log, 0);
    cleanups.push(close);
    const slot = new WorkerSlot<FakeApi, string>(factory, (api) => api.init(), 10_000);
    await slot.start();
    const { id: oldId } = await slot.acquire();
    await slot.start();
    slot.terminate(oldId);
    expect(log).toEqual(['terminated w1']);
    const { api } = await slot.acquire();
    expect(await api.ping()).toBe('pong from w2');
  });

  it('starts a worker on demand when none is running', async () => {
    const log: string[] = [];
    const { factory, close } = fakeWorkerFactory(log, 0);
    cleanups.push(close);
    const slot = new WorkerSlot<FakeApi, string>(factory, (api) => api.init(), 10_000);
    const { info } = await slot.acquire();
    expect(info).toBe('w1');
  });
});
