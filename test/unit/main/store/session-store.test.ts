import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../../../../main/store/session-store.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('session store', () => {
  it('keeps the last journal across a restart, and never leaves a temp file behind', async () => {
    const dir = await tempDir();
    const session = { tabs: [{ id: 'tab-1', kind: 'http', draft: { method: 'GET', url: '/draft' } }], activeId: 'tab-1' };

    await createSessionStore(dir).save({ tabs: [], activeId: undefined });
    await createSessionStore(dir).save(session);

    expect(await createSessionStore(dir).load()).toEqual(session);
    expect(await readdir(dir)).toEqual(['session.json']);
  });

  it.each([
    ['nothing', undefined],
    ['garbage', 'not json {'],
    ['another format version', '{"formatVersion": 99, "session": {"tabs": []}}'],
    ['a wrong shape', '{"formatVersion": 1, "session": {"tabs": "no"}}'],
  ])('starts empty from %s', async (_what, content) => {
    const dir = await tempDir();
    if (content !== undefined) await writeFile(join(dir, 'session.json'), content);
    expect(await createSessionStore(dir).load()).toBeUndefined();
  });
});
