// `npm start [-- --data-dir DIR]`: the desktop app. Where no Electron binary can be obtained (an
// offline machine), it says so in one sentence and serves the same UI through the web host.
import { ensureMainBuilt, ensureRendererBuilt, ROOT } from './ensure-built.mjs';
import { obtainElectron, planLaunch, runForwardingSignals } from './launcher.mjs';

try {
  ensureRendererBuilt();
  const plan = planLaunch(obtainElectron(ROOT), { root: ROOT, args: process.argv.slice(2) });
  const env = { ...process.env };
  if (plan.kind === 'electron') {
    await ensureMainBuilt();
    // Set by some terminals (VS Code's); it would turn the Electron binary into plain Node.
    delete env.ELECTRON_RUN_AS_NODE;
  } else {
    console.log(plan.notice);
  }
  process.exitCode = await runForwardingSignals(plan.command, plan.args, { cwd: ROOT, env });
} catch (error) {
  console.error(`Shuttle could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
