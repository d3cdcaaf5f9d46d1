import { describe, expect, it } from 'vitest';
import { Effect } from './effect.ts';

describe('Effect', () => {
  it('runs once per change of its dependencies, cleaning up the run before', () => {
    const effect = new Effect();
    const log: string[] = [];
    const run = (a: unknown, b: unknown) =>
      effect.run([a, b], () => {
        log.push(`run ${String(a)} ${String(b)}`);
        return () => log.push(`clean ${String(a)} ${String(b)}`);
      });
    const same = {};
    expect(run(1, same)).toBe(true);
    expect(run(1, same)).toBe(false);
    expect(run(1, {})).toBe(true); // a new object is a change
    expect(run(Number.NaN, 2)).toBe(true);
    expect(run(Number.NaN, 2)).toBe(false); // Object.is: NaN is NaN
    effect.dispose();
    expect(log).toEqual([
      'run 1 [object Object]',
      'clean 1 [object Object]',
      'run 1 [object Object]',
      'clean 1 [object Object]',
      'run NaN 2',
      'clean NaN 2',
    ]);
    expect(run(Number.NaN, 2)).toBe(true); // after dispose it runs again
  });

  it('runs an effect without a cleanup', () => {
    const effect = new Effect();
    let runs = 0;
    effect.run([1], () => {
      runs++;
    });
    effect.run([2], () => {
      runs++;
    });
    effect.dispose();
    expect(runs).toBe(2);
  });
});
