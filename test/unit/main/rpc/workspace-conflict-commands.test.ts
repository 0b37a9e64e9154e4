// The commands behind the conflict banner's "Compare", "Reveal in file manager" and the secret
// storage note, through the router of a real engine as the web host builds it.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/contract/errors.ts';
import type { RequestFileComparison } from '../../../../shared/model/workspace.ts';
import { httpSpec, startTestEngine } from '../../helpers/engine.ts';

async function engineWithRequest() {
  const started = await startTestEngine();
  const { router } = started;
  await router.invoke('workspace.createCollection', { name: 'Shop' });
  const saved = await router.invoke('workspace.saveRequest', {
    parent: 'Shop',
    name: 'List orders',
    request: { kind: 'http', spec: httpSpec('{{baseUrl}}/orders?status=open') },
  });
  expect(saved).toMatchObject({ ok: true });
  const file = join(started.dataDir, 'workspaces', 'default', 'Shop', 'List orders.yaml');
  return { ...started, file };
}

describe('workspace.compareRequest', () => {
  it('answers the file as it is on disk now and as saving the draft would write it, comments kept', async () => {
    const { router, file } = await engineWithRequest();
    const onDisk = (await readFile(file, 'utf8')).replace('status=open', 'status=theirs').replace('kind: http\n', '# edited by hand\nkind: http\n');
    await writeFile(file, onDisk);

    const result = (await router.invoke('workspace.compareRequest', {
      path: 'Shop/List orders.yaml',
      request: { kind: 'http', spec: httpSpec('{{baseUrl}}/orders?status=mine') },
    })) as Result<RequestFileComparison>;

    expect(result).toMatchObject({ ok: true, value: { path: 'Shop/List orders.yaml', onDisk } });
    const { draft, revision } = (result as { value: RequestFileComparison }).value;
    expect(draft).toBe(onDisk.replace('status=theirs', 'status=mine'));
    // The revision is the file's as compared, the one a "keep mine" save would insist on replacing.
    const read = await router.invoke('workspace.readRequest', { path: 'Shop/List orders.yaml' });
    expect(read).toMatchObject({ ok: true, value: { revision } });
    // Comparing writes nothing.
    expect(await readFile(file, 'utf8')).toBe(onDisk);
  });

  it('is NOT_FOUND once the file was deleted, and refuses paths outside the workspace', async () => {
    const { router, file } = await engineWithRequest();
    await rm(file);
    const request = { kind: 'http', spec: httpSpec('http://127.0.0.1:1/') };

    expect(await router.invoke('workspace.compareRequest', { path: 'Shop/List orders.yaml', request })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await router.invoke('workspace.compareRequest', { path: '../secrets.json', request })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('commands that depend on the host', () => {
  it('the web host has no file manager: workspace.reveal is NOT_FOUND there', async () => {
    const { router } = await engineWithRequest();

    expect(await router.invoke('workspace.reveal', { path: 'Shop' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('secrets.status on the web host: a plain 0600 file, because the host cannot encrypt', async () => {
    const { router } = await startTestEngine();

    expect(await router.invoke('secrets.status', {})).toEqual({ ok: true, value: { protection: 'plain-file', plainReason: 'host' } });
  });
});
