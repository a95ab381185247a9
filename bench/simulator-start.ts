/**
 * `npm run bench:simulator`: how soon the packed simulator answers discovery after its command
 * starts, installed from its tarball as another team would install it. The goal is 2 seconds.
 */
import { packAndInstall, startInstalled } from "../simulator/tests/packed";

const GOAL_MS = 2_000;
const RUNS = Number(process.env.BENCH_SIMULATOR_RUNS ?? 5);

const installed = await packAndInstall();
try {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const simulator = await startInstalled(installed, ["--keys-file", "memory"]);
    times.push(simulator.startUpMs);
    await simulator.stop();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Infinity;
  const worst = times[times.length - 1] ?? Infinity;
  console.log(
    `Packed simulator, command to discovery: median ${Math.round(median)} ms, worst ${Math.round(worst)} ms over ${RUNS} starts (goal ${GOAL_MS} ms)`,
  );
  if (worst > GOAL_MS) process.exitCode = 1;
} finally {
  installed.remove();
}
