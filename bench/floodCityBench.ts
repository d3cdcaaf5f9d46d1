/**
 * Whole-city flood benchmark, the workload of `twin bench flood-city` (src/cli/commands/
 * benchFloodCity.ts parses the options and prints): the Thủ Đức city model (src/sim/flood/city)
 * through the 24-hour 100-year design storm centred on a 1.8 m king tide, on N Node worker
 * threads with the default (WebAssembly) kernel.
 */
import { createFloodEngine, type FloodKernelName } from '../src/cli/flood/threadedEngine.ts';
import { readCityFolder } from '../src/data/node/readCityFolder.ts';
import { designEvent } from '../src/sim/flood/city/cityEvent.ts';
import { cityFloodModel } from '../src/sim/flood/city/cityFloodModel.ts';
import { cityFloodTargets } from '../src/sim/flood/city/cityTargets.ts';
import { cityFloodMeasures } from '../src/sim/flood/city/floodKpis.ts';
import { CONTROL_STEPS } from '../src/sim/flood/floodState.ts';
import { storedVolume, volumeAccount } from '../src/sim/flood/floodVolume.ts';

/** What to run: grid cell (m), worker threads, simulated hours and the kernel. */
export interface CityFloodBenchOptions {
  cellSizeMetres: number;
  threads: number;
  hours: number;
  kernel?: FloodKernelName;
  /** Called after each simulated hour with the wall seconds since the start. */
  onHour?: (hour: number, wallSeconds: number) => void;
}

/**
 * Runs the city event and returns the spec's figures (cellSize, cells, simulatedSeconds, seconds:
 * wall seconds of the run, cellUpdates, cellUpdatesPerSecond, volume, threads) plus the model
 * build time, the CPU seconds of all threads during the run, steps and the KPIs.
 */
export async function runCityFloodBench(options: CityFloodBenchOptions) {
  const { cellSizeMetres, threads, hours } = options;
  const files = await readCityFolder();
  const started = performance.now();
  const event = designEvent({
    returnPeriodYears: 100,
    rainDurationHours: 24,
    tidePeakMetres: 1.8,
    durationHours: hours,
  });
  const city = cityFloodModel(files, { event }, { cellSizeMetres });
  const engine = createFloodEngine(city.model, threads, options.kernel);
  const initial = storedVolume(engine.state);
  const built = performance.now();
  const cpuBefore = process.cpuUsage();
  try {
    for (let h = 1; h <= hours; h++) {
      await engine.advanceTo(h * 3600);
      options.onHour?.(h, (performance.now() - started) / 1000);
    }
  } finally {
    await engine.close();
  }
  const seconds = (performance.now() - built) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const steps = engine.state.control[CONTROL_STEPS]!;
  const cells = city.grid.columns * city.grid.rows;
  const measures = cityFloodMeasures(
    engine.state.maxDepth,
    engine.state.depth,
    city.grid,
    city.permanentWater,
    cityFloodTargets(files, city.grid),
  );
  return {
    cellSize: cellSizeMetres,
    cells,
    simulatedSeconds: hours * 3600,
    seconds,
    cellUpdates: steps * cells,
    cellUpdatesPerSecond: (steps * cells) / seconds,
    volume: volumeAccount(engine.state, initial),
    threads,
    kernel: options.kernel ?? 'wasm',
    buildSeconds: (built - started) / 1000,
    /** CPU seconds of all threads during the run (less sensitive to other jobs on the machine). */
    runCpuSeconds: (cpu.user + cpu.system) / 1e6,
    steps,
    kpis: measures.kpis,
  };
}
