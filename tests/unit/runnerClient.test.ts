import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserTimeBudget, WorkerTimeoutError, withBudget } from '../../src/runner/RunnerClient';

afterEach(() => vi.useRealTimers());

describe('UserTimeBudget', () => {
  it('charges only the time spent in the user phase', async () => {
    vi.useFakeTimers();
    const onExpire = vi.fn();
    const budget = new UserTimeBudget(1000, onExpire);
    budget.phase('user');
    vi.advanceTimersByTime(600);
    budget.phase('judge');
    vi.advanceTimersByTime(5000); // the judge's own time is free
    expect(onExpire).not.toHaveBeenCalled();
    budget.phase('user');
    vi.advanceTimersByTime(399);
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(onExpire).toHaveBeenCalledOnce();
    await expect(budget.expired).rejects.toBeInstanceOf(WorkerTimeoutError);
  });

  it('stop() cancels a running clock', () => {
    vi.useFakeTimers();
    const onExpire = vi.fn();
    const budget = new UserTimeBudget(100, onExpire);
    budget.phase('user');
    budget.stop();
    vi.advanceTimersByTime(1000);
    expect(onExpire).not.toHaveBeenCalled();
  });
});

describe('withBudget', () => {
  it('resolves when the promise wins', async () => {
    await expect(withBudget(Promise.resolve(3), 1000, () => {})).resolves.toBe(3);
  });

  it('rejects with WorkerTimeoutError and calls onTimeout when the budget runs out', async () => {
    const onTimeout = vi.fn();
    await expect(withBudget(new Promise(() => {}), 10, onTimeout)).rejects.toBeInstanceOf(WorkerTimeoutError);
    expect(onTimeout).toHaveBeenCalledOnce();
  });
});
