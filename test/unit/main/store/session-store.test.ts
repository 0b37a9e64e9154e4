import { chmod, readdir, stat, writeFile } from 'node:fs/promises';
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

  it('is readable by its owner only (drafts may hold a certificate passphrase); an older, wider journal is tightened when read', async () => {
    const dir = await tempDir();
    const journal = join(dir, 'session.json');
    await createSessionStore(dir).save({ tabs: [], activeId: undefined });
    expect((await stat(journal)).mode & 0o777).toBe(0o600);

    await writeFile(journal, '{"formatVersion": 1, "session": {"tabs": []}}', { mode: 0o644 });
    await chmod(journal, 0o644);
    expect(await createSessionStore(dir).load()).toEqual({ tabs: [] });
    expect((await stat(journal)).mode & 0o777).toBe(0o600);
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
