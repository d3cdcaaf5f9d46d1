/**
 * React's effect dependencies for the plain-object map layers: `run(deps, effect)` runs `effect`
 * when any of `deps` changed (Object.is) since the last run, after the cleanup the last run
 * returned; `dispose` runs the last cleanup.
 */
export class Effect {
  private deps: readonly unknown[] | undefined;
  private cleanup: (() => void) | undefined;

  /** Runs `effect` unless `deps` are the same as the last time; true when it ran. */
  run(deps: readonly unknown[], effect: () => (() => void) | undefined): boolean {
    const last = this.deps;
    if (last && last.length === deps.length && deps.every((d, i) => Object.is(d, last[i]))) return false;
    this.cleanup?.();
    this.deps = deps;
    this.cleanup = effect();
    return true;
  }

  /** Runs the last cleanup; the next `run` runs its effect whatever its deps. */
  dispose(): void {
    this.cleanup?.();
    this.cleanup = undefined;
    this.deps = undefined;
  }
}
