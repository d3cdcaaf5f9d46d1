// Regenerates the golden KPIs of the shipped scenarios (tests/golden/scenarios/<id>.json)
// with the real CLI. Review the diff before committing: `git diff tests/golden`.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';

for (const file of readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const run = spawnSync(
    process.execPath,
    ['bin/twin.mjs', 'scenario', 'run', `scenarios/${file}`, '--json'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (run.status !== 0) {
    console.error(`${file}: twin scenario run exited ${run.status}`);
    process.exit(1);
  }
  const result = JSON.parse(run.stdout);
  writeFileSync(`tests/golden/scenarios/${file}`, `${JSON.stringify(result, null, 2)}\n`);
  console.error(`${file}: ${Object.keys(result.kpis).length} KPIs`);
}
