// scripts/ensure-built.mjs: `npm start` and `npm run serve` rebuild only what is out of date.
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale } from '../../../../scripts/ensure-built.mjs';
import { tempDir } from '../../helpers/temp-dir.ts';

/** Writes a file with a fixed modification time (seconds since the epoch). */
async function fileAt(path: string, mtime: number) {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, 'x');
  await utimes(path, mtime, mtime);
}

describe('isStale', () => {
  it('is true when the build output does not exist', async () => {
    const root = await tempDir();
    await fileAt(join(root, 'renderer', 'src', 'main.tsx'), 1_000);

    expect(isStale([join(root, 'dist', 'index.html')], [join(root, 'renderer')])).toBe(true);
  });

  it('is false when the output is newer than every source, and true once a nested source changes', async () => {
    const root = await tempDir();
    const output = join(root, 'dist', 'index.html');
    await fileAt(join(root, 'renderer', 'src', 'features', 'a.tsx'), 1_000);
    await fileAt(join(root, 'shared', 'b.ts'), 1_500);
    await fileAt(output, 2_000);
    const sources = [join(root, 'renderer'), join(root, 'shared')];

    expect(isStale([output], sources)).toBe(false);
    await fileAt(join(root, 'renderer', 'src', 'features', 'a.tsx'), 3_000);
    expect(isStale([output], sources)).toBe(true);
  });

  it('ignores node_modules and dist inside the sources', async () => {
    const root = await tempDir();
    const output = join(root, 'out', 'index.html');
    await fileAt(join(root, 'renderer', 'a.ts'), 1_000);
    await fileAt(join(root, 'renderer', 'node_modules', 'dep', 'index.js'), 5_000);
    await fileAt(join(root, 'renderer', 'dist', 'x.js'), 5_000);
    await fileAt(output, 2_000);

    expect(isStale([output], [join(root, 'renderer')])).toBe(false);
  });

  it('is true when one of several outputs is missing (the main bundle without its preload)', async () => {
    const root = await tempDir();
    await fileAt(join(root, 'main', 'a.ts'), 1_000);
    await fileAt(join(root, 'dist', 'main', 'electron-main.cjs'), 2_000);

    expect(isStale([join(root, 'dist', 'main', 'electron-main.cjs'), join(root, 'dist', 'main', 'preload.cjs')], [join(root, 'main')])).toBe(true);
  });
});
