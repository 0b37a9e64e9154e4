import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredCookie } from '../../../../shared/model/cookie.ts';
import { httpSpec, startTestEngine } from '../../helpers/engine.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { jsonOf, transportFixture, valuesOf } from '../../helpers/transport-servers.ts';

describe('cookie jar', () => {
  it('Set-Cookie fills the jar; the cookies go back automatically on the next request', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    await engine.http.send('set', httpSpec(`${fixture.url}/set-cookie`));
    const meta = await engine.http.send('get', httpSpec(`${fixture.url}/cookies`));

    expect(await jsonOf(engine, meta.bodyId)).toEqual({ cookie: 'session=abc123; theme=dark' });
    expect(valuesOf(meta.requestHeaders, 'cookie')).toEqual(['session=abc123; theme=dark']);
  });

  it('a cookie set on a redirect hop is sent on the next hop', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('hop', httpSpec(`${fixture.url}/set-cookie-redirect`));

    expect(await jsonOf(engine, meta.bodyId)).toEqual({ cookie: 'hop=1' });
    expect(meta.exchanges!.map((exchange) => valuesOf(exchange.requestHeaders, 'cookie'))).toEqual([[], ['hop=1']]);
  });

  it('the user\'s own Cookie header is sent instead of the jar\'s', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    await engine.http.send('set', httpSpec(`${fixture.url}/set-cookie`));

    const meta = await engine.http.send('own', httpSpec(`${fixture.url}/cookies`, { headers: [{ name: 'Cookie', value: 'mine=1', enabled: true }] }));

    expect(await jsonOf(engine, meta.bodyId)).toEqual({ cookie: 'mine=1' });
  });

  it('cookies persist in the data folder, never the workspace, and come back after a restart', async () => {
    const fixture = await transportFixture();
    const dataDir = await tempDir();
    const first = await startTestEngine({ dataDir });
    await first.engine.http.send('set', httpSpec(`${fixture.url}/set-cookie`));
    await first.engine.close();

    const [file, ...others] = await readdir(join(dataDir, 'cookies'));
    expect(others).toEqual([]);
    const saved = JSON.parse(await readFile(join(dataDir, 'cookies', file!), 'utf8')) as { formatVersion: number; workspace: string; jar: { cookies: { key: string }[] } };
    expect(saved.formatVersion).toBe(1);
    expect(saved.workspace).toBe(join(dataDir, 'workspaces', 'default'));
    expect(saved.jar.cookies.map((cookie) => cookie.key).sort()).toEqual(['session', 'theme']);

    const second = await startTestEngine({ dataDir });
    const meta = await second.engine.http.send('after-restart', httpSpec(`${fixture.url}/cookies`));
    expect(await jsonOf(second.engine, meta.bodyId)).toEqual({ cookie: 'session=abc123; theme=dark' });
  });

  it('each workspace has its own jar: switching workspaces switches the cookies sent and listed', async () => {
    const fixture = await transportFixture();
    const { engine, router } = await startTestEngine();
    const other = join(await tempDir(), 'other-project');
    const sentCookie = async (runId: string) => jsonOf(engine, (await engine.http.send(runId, httpSpec(`${fixture.url}/cookies`))).bodyId);
    await engine.http.send('set', httpSpec(`${fixture.url}/set-cookie`));

    await engine.workspaces.open(other);
    expect(await sentCookie('in-other')).toEqual({ cookie: null });
    expect(await router.invoke('cookies.list', {})).toEqual({ ok: true, value: [] });

    await engine.workspaces.open(engine.workspaces.defaultRoot);
    expect(await sentCookie('back')).toEqual({ cookie: 'session=abc123; theme=dark' });
    expect(await readdir(other)).not.toContain('cookies.json');
  });

  it('the single jar of earlier versions becomes the jar of the workspace open after the upgrade', async () => {
    const fixture = await transportFixture();
    const dataDir = await tempDir();
    const first = await startTestEngine({ dataDir });
    await first.engine.http.send('set', httpSpec(`${fixture.url}/set-cookie`));
    await first.engine.close();
    // As an earlier version left it: the one jar at <data dir>/cookies.json.
    const [file] = await readdir(join(dataDir, 'cookies'));
    await rename(join(dataDir, 'cookies', file!), join(dataDir, 'cookies.json'));

    const second = await startTestEngine({ dataDir });
    const meta = await second.engine.http.send('after-upgrade', httpSpec(`${fixture.url}/cookies`));

    expect(await jsonOf(second.engine, meta.bodyId)).toEqual({ cookie: 'session=abc123; theme=dark' });
    expect(await readdir(dataDir)).not.toContain('cookies.json');
  });

  it('a damaged cookies.json starts an empty jar instead of stopping the engine', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'cookies.json'), '{"jar": {"cookies": "not a list"');
    const { router } = await startTestEngine({ dataDir });

    expect(await router.invoke('cookies.list', {})).toEqual({ ok: true, value: [] });
  });

  it('the cookie manager commands list, set, delete and clear', async () => {
    const fixture = await transportFixture();
    const { engine, router } = await startTestEngine();
    await engine.http.send('set', httpSpec(`${fixture.url}/set-cookie`));

    const listed = (await router.invoke('cookies.list', {})) as { ok: true; value: StoredCookie[] };
    expect(listed.value).toEqual([
      { name: 'session', value: 'abc123', domain: '127.0.0.1', path: '/', expires: null, httpOnly: true, secure: false, hostOnly: true },
      { name: 'theme', value: 'dark', domain: '127.0.0.1', path: '/', expires: expect.any(Number), httpOnly: false, secure: false, hostOnly: true },
    ]);
    expect(listed.value[1]!.expires! - Date.now()).toBeGreaterThan(3_500_000);

    const added: StoredCookie = { name: 'added', value: 'by-hand', domain: '127.0.0.1', path: '/', expires: null, httpOnly: false, secure: false, sameSite: 'lax', hostOnly: true };
    expect(await router.invoke('cookies.set', { cookie: added })).toEqual({ ok: true, value: added });
    expect(await router.invoke('cookies.delete', { domain: '127.0.0.1', path: '/', name: 'theme' })).toEqual({ ok: true, value: { deleted: true } });
    expect(await router.invoke('cookies.delete', { domain: '127.0.0.1', path: '/', name: 'theme' })).toEqual({ ok: true, value: { deleted: false } });

    const meta = await engine.http.send('after-edit', httpSpec(`${fixture.url}/cookies`));
    expect(await jsonOf(engine, meta.bodyId)).toEqual({ cookie: 'session=abc123; added=by-hand' });

    expect(await router.invoke('cookies.clear', {})).toEqual({ ok: true, value: { cleared: 2 } });
    expect(await router.invoke('cookies.list', {})).toEqual({ ok: true, value: [] });
    const cleared = await engine.http.send('after-clear', httpSpec(`${fixture.url}/cookies`));
    expect(await jsonOf(engine, cleared.bodyId)).toEqual({ cookie: null });
  });

  it('cookies.set refuses a cookie that could not go into a Cookie header', async () => {
    const { router } = await startTestEngine();
    const bad: StoredCookie = { name: 'x', value: 'a;b', domain: '127.0.0.1', path: '/', expires: null, httpOnly: false, secure: false, hostOnly: true };

    expect(await router.invoke('cookies.set', { cookie: bad })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await router.invoke('cookies.set', { cookie: { ...bad, value: 'ok', path: 'no-slash' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
