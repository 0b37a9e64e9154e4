import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it, onTestFinished } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

/** The no-restricted-imports errors ESLint reports for `code` as if it lived at `filePath`. */
async function restrictedImportErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports' && message.severity === 2)
    .map((message) => message.message);
}

describe('layer rules in eslint.config.js', () => {
  it.each([
    ['renderer/src/forbidden.ts', "import { request } from 'undici';\nvoid request;\n"],
    ['renderer/src/forbidden.ts', "import { readFile } from 'node:fs';\nvoid readFile;\n"],
    ['renderer/src/features/x/Forbidden.tsx', "import { WebSocket } from 'ws';\nvoid WebSocket;\n"],
    ['renderer/src/forbidden.ts', "import { createEngine } from '../../main/engine/engine.ts';\nvoid createEngine;\n"],
    ['renderer/src/forbidden.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n"],
    ['shared/model/forbidden.ts', "import { readFile } from 'node:fs';\nvoid readFile;\n"],
    ['shared/model/forbidden.ts', "import { join } from 'path';\nvoid join;\n"],
    ['shared/model/forbidden.ts', "import { useState } from 'react';\nvoid useState;\n"],
    ['shared/model/forbidden.ts', "import { createRouter } from '../../main/rpc/router.ts';\nvoid createRouter;\n"],
    ['main/engine/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['main/engine/x.ts', "import { startWebHost } from '../hosts/web/web-host.ts';\nvoid startWebHost;\n"],
    ['main/store/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['main/hosts/web/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['main/rpc/x.ts', "import { api } from '../../renderer/src/api/api-client.ts';\nvoid api;\n"],
  ])('%s: %s is an error', async (filePath, code) => {
    expect(await restrictedImportErrors(code, filePath)).not.toEqual([]);
  });

  it.each([
    ['shared/model/allowed.ts', "import { z } from 'zod';\nexport const name = z.string();\n"],
    ['shared/model/allowed.ts', "import type { RawHeader } from './response.ts';\nexport type H = RawHeader;\n"],
    ['renderer/src/allowed.ts', "import { emptyRequest } from '../../shared/model/request.ts';\nexport const r = emptyRequest();\n"],
    ['main/engine/allowed.ts', "import { readFile } from 'node:fs/promises';\nimport { Agent } from 'undici';\nexport const x = [readFile, Agent];\n"],
    ['main/hosts/electron/allowed.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s: %s is allowed', async (filePath, code) => {
    expect(await restrictedImportErrors(code, filePath)).toEqual([]);
  });
});

interface TscRun {
  code: number | null;
  output: string;
}

function runTsc(project: string): Promise<TscRun> {
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { cwd: repoRoot });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('layer rules in the per-layer tsconfig', () => {
  // The temp project lives inside the repo so the layer's own `types` (vite/client) resolve as they do for real.
  it.each([
    ['renderer', 'document.title'],
    ['shared', 'Math.max(1, 2)'],
  ])('%s/tsconfig.json settings reject node:fs and process, and accept the layer’s own code', async (layer, allowedExpression) => {
    const dir = await mkdtemp(join(repoRoot, 'test', 'unit', `.layers-${layer}-`));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const extendsPath = relative(dir, join(repoRoot, layer, 'tsconfig.json')).split('\\').join('/');
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ extends: extendsPath, include: ['*.ts'] }));
    await writeFile(join(dir, 'forbidden.ts'), "import { readFile } from 'node:fs';\nexport const read = readFile;\nexport const env = process.env;\n");
    await writeFile(join(dir, 'allowed.ts'), `export const value = ${allowedExpression};\n`);

    const run = await runTsc(join(dir, 'tsconfig.json'));

    expect(run.code).not.toBe(0);
    const errors = run.output.split('\n').filter((line) => line.includes('error TS'));
    expect(errors.some((line) => line.includes('forbidden.ts') && line.includes("'node:fs'"))).toBe(true);
    expect(errors.some((line) => line.includes('forbidden.ts') && line.includes("'process'"))).toBe(true);
    // Every error is the forbidden file's: the failure is the layer rule, not a broken set-up.
    expect(errors.filter((line) => !line.includes('forbidden.ts'))).toEqual([]);
  });
});
