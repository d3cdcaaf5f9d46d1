/**
 * Whole-city flood benchmark: the Thủ Đức city model (src/sim/flood/city) through the 24-hour
 * 100-year design storm centred on a 1.8 m king tide, on N Node worker threads.
 *
 *   npx tsx bench/floodCityBench.ts [cellSizeMetres=20] [threads=2] [hours=24]
 *
 * Prints one JSON line: wall seconds (model build and run), CPU seconds of the run, steps, cell updates per second,
 * KPIs and the volume account.
 */
import { createFloodEngine } from '../src/cli/flood/threadedEngine.ts';
import { readCityFolder } from '../src/data/node/readCityFolder.ts';
import { designEvent } from '../src/sim/flood/city/cityEvent.ts';
import { cityFloodModel } from '../src/sim/flood/city/cityFloodModel.ts';
import { cityFloodTargets } from '../src/sim/flood/city/cityTargets.ts';
import { cityFloodMeasures } from '../src/sim/flood/city/floodKpis.ts';
import { CONTROL_STEPS } from '../src/sim/flood/floodState.ts';
import { storedVolume, volumeAccount } from '../src/sim/flood/floodVolume.ts';

const [cellSizeMetres = 20, threads = 2, hours = 24] = process.argv.slice(2).map(Number);
const files = await readCityFolder();
const started = performance.now();
const event = designEvent({
  returnPeriodYears: 100,
  rainDurationHours: 24,
  tidePeakMetres: 1.8,
  durationHours: hours,
});
const city = cityFloodModel(files, { event }, { cellSizeMetres });
const engine = createFloodEngine(city.model, threads);
const initial = storedVolume(engine.state);
const built = performance.now();
const cpuBefore = process.cpuUsage();
for (let h = 1; h <= hours; h++) {
  await engine.advanceTo(h * 3600);
  process.stderr.write(`hour ${h}: ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}
const ran = performance.now();
const cpu = process.cpuUsage(cpuBefore);
await engine.close();
const steps = engine.state.control[CONTROL_STEPS]!;
const measures = cityFloodMeasures(
  engine.state.maxDepth,
  engine.state.depth,
  city.grid,
  city.permanentWater,
  cityFloodTargets(files, city.grid),
);
console.log(
  JSON.stringify({
    cellSizeMetres,
    threads,
    hours,
    cells: city.grid.columns * city.grid.rows,
    buildSeconds: (built - started) / 1000,
    runSeconds: (ran - built) / 1000,
    /** CPU seconds of all threads during the run (less sensitive to other jobs on the machine). */
    runCpuSeconds: (cpu.user + cpu.system) / 1e6,
    steps,
    cellUpdatesPerSecond: (steps * city.grid.columns * city.grid.rows) / ((ran - built) / 1000),
    kpis: measures.kpis,
    volume: volumeAccount(engine.state, initial),
  }),
);
