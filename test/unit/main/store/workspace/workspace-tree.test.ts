import { mkdir, readdir, readFile, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../../../helpers/failure.ts';
import { tempDir } from '../../../helpers/temp-dir.ts';
import { http, openTestWorkspace } from '../../../helpers/workspace.ts';

const REQUEST = 'kind: http\nformatVersion: 1\nmethod: GET\nurl: http://127.0.0.1:1/ok\n';

async function shop() {
  const opened = await openTestWorkspace();
  await opened.workspace.createCollection('Shop');
  await opened.workspace.createFolder('Shop', 'Orders');
  await opened.workspace.saveRequest({ parent: 'Shop/Orders', name: 'List', request: http({ url: '/orders' }) });
  return opened;
}

describe('workspace tree', () => {
  it('lists collections, folders (first) and requests by name, with method and URL; hidden entries and stray files are left out', async () => {
    const { workspace, root } = await shop();
    await workspace.saveRequest({ parent: 'Shop', name: 'b request', request: http({ method: 'DELETE', url: '/b' }) });
    await workspace.saveRequest({ parent: 'Shop', name: 'A request', request: http({ method: 'POST', url: '/a' }) });
    await mkdir(join(root, 'Shop', '.git'));
    await writeFile(join(root, 'Shop', '.git', 'x.yaml'), REQUEST);
    await writeFile(join(root, 'Shop', 'README.md'), '# notes');
    await mkdir(join(root, 'not-a-collection'));
    await writeFile(join(root, 'not-a-collection', 'x.yaml'), REQUEST);

    const tree = await workspace.tree();

    expect(tree.problems).toEqual([]);
    expect(tree.collections).toEqual([
      {
        kind: 'collection',
        name: 'Shop',
        path: 'Shop',
        children: [
          {
            kind: 'folder',
            name: 'Orders',
            path: 'Shop/Orders',
            children: [{ kind: 'request', name: 'List', path: 'Shop/Orders/List.yaml', requestKind: 'http', method: 'GET', url: '/orders' }],
          },
          { kind: 'request', name: 'A request', path: 'Shop/A request.yaml', requestKind: 'http', method: 'POST', url: '/a' },
          { kind: 'request', name: 'b request', path: 'Shop/b request.yaml', requestKind: 'http', method: 'DELETE', url: '/b' },
        ],
      },
    ]);
  });

  it('lists every bad file with its path and reason, and loads the rest', async () => {
    const { workspace, root } = await shop();
    const orders = join(root, 'Shop', 'Orders');
    await writeFile(join(orders, 'Corrupt.yaml'), 'kind: http\nurl: [unclosed\n');
    await writeFile(join(orders, 'Future.yaml'), 'kind: http\nformatVersion: 99\nurl: /x\n');
    await writeFile(join(orders, 'Wrong.yaml'), 'kind: http\nformatVersion: 1\nmethod: 42\n');
    await writeFile(join(orders, 'Duplicate keys.yaml'), 'kind: http\nformatVersion: 1\nurl: /a\nurl: /b\n');
    await writeFile(join(orders, 'Bomb.yaml'), `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, i) => `b${i}: &b${i} [*${i === 0 ? 'a' : `b${i - 1}`}, *${i === 0 ? 'a' : `b${i - 1}`}, *${i === 0 ? 'a' : `b${i - 1}`}]`).join('\n')}\n`);
    // A 1 GB file costs nothing to make (sparse) and must never be read.
    await writeFile(join(orders, 'Huge.yaml'), '');
    await truncate(join(orders, 'Huge.yaml'), 1024 ** 3);
    const outside = await tempDir();
    await writeFile(join(outside, 'secret.yaml'), REQUEST);
    await symlink(join(outside, 'secret.yaml'), join(orders, 'Escape.yaml'));
    await symlink(outside, join(root, 'Shop', 'Escaped folder'));
    await symlink(join(root, 'Shop'), join(orders, 'Loop'));
    await writeFile(join(root, 'Shop', 'collection.yaml'), 'kind: folder\nformatVersion: 1\n');

    const tree = await workspace.tree();

    expect(tree.problems.map(({ path, reason }) => [path, reason])).toEqual([
      ['Shop/Escaped folder', 'link-outside-workspace'],
      ['Shop/Orders/Bomb.yaml', 'invalid-yaml'],
      ['Shop/Orders/Corrupt.yaml', 'invalid-yaml'],
      ['Shop/Orders/Duplicate keys.yaml', 'invalid-yaml'],
      ['Shop/Orders/Escape.yaml', 'link-outside-workspace'],
      ['Shop/Orders/Future.yaml', 'unknown-version'],
      ['Shop/Orders/Huge.yaml', 'too-large'],
      ['Shop/Orders/Loop', 'symlink'],
      ['Shop/Orders/Wrong.yaml', 'invalid-document'],
      ['Shop/collection.yaml', 'invalid-document'],
    ]);
    expect(tree.problems.find((problem) => problem.path.endsWith('Corrupt.yaml'))?.message).toMatch(/^line \d+, column \d+: /);
    expect(tree.collections[0]!.children![0]!.children!.map((node) => node.name)).toEqual(['List']);
  });

  it('reads and writes nothing through a link that leaves the workspace', async () => {
    const { workspace, root } = await shop();
    const outside = await tempDir();
    await writeFile(join(outside, 'target.yaml'), REQUEST);
    await symlink(join(outside, 'target.yaml'), join(root, 'Shop', 'Orders', 'Linked.yaml'));
    await symlink(outside, join(root, 'Shop', 'Linked folder'));

    expect((await failureOf(workspace.readRequest('Shop/Orders/Linked.yaml'))).code).toBe('VALIDATION');
    expect((await failureOf(workspace.saveRequest({ path: 'Shop/Orders/Linked.yaml', request: http() }))).code).toBe('VALIDATION');
    expect((await failureOf(workspace.saveRequest({ parent: 'Shop/Linked folder', name: 'New', request: http() }))).code).toBe('VALIDATION');
    expect((await failureOf(workspace.createFolder('Shop/Linked folder', 'Inner'))).code).toBe('VALIDATION');
    expect((await failureOf(workspace.readSettings('Shop/Linked folder'))).code).toBe('VALIDATION');

    expect(await readFile(join(outside, 'target.yaml'), 'utf8')).toBe(REQUEST);
    expect(await readdir(outside)).toEqual(['target.yaml']);
  });

  it('refuses paths and names that could leave the workspace or collide with its own files', async () => {
    const { workspace } = await shop();

    for (const path of ['../outside.yaml', 'Shop/../../x.yaml', '/etc/passwd', 'Shop\\..\\x.yaml', 'Shop//x.yaml']) {
      expect((await failureOf(workspace.readRequest(path))).code, path).toBe('VALIDATION');
    }
    for (const name of ['../up', 'a/b', '.hidden', 'trailing.', ' padded', 'con:colon', 'tab\there', '']) {
      expect((await failureOf(workspace.createFolder('Shop', name))).code, JSON.stringify(name)).toBe('VALIDATION');
    }
    expect((await failureOf(workspace.saveRequest({ parent: 'Shop', name: 'folder', request: http() }))).code).toBe('VALIDATION');
    expect((await failureOf(workspace.createFolder('Shop', 'environments'))).code).toBe('VALIDATION');
    expect((await failureOf(workspace.createCollection('Shop'))).code).toBe('ALREADY_EXISTS');
    expect((await failureOf(workspace.saveRequest({ parent: 'Shop/Orders', name: 'List', request: http() }))).code).toBe('ALREADY_EXISTS');
  });

  it('renames, duplicates and moves requests and folders without overwriting anything', async () => {
    const { workspace, root } = await shop();
    await workspace.createFolder('Shop', 'Archive');

    expect(await workspace.rename('Shop/Orders/List.yaml', 'List open')).toEqual({ path: 'Shop/Orders/List open.yaml' });
    expect(await workspace.duplicate('Shop/Orders/List open.yaml')).toEqual({ path: 'Shop/Orders/List open copy.yaml' });
    expect(await workspace.duplicate('Shop/Orders/List open.yaml')).toEqual({ path: 'Shop/Orders/List open copy 2.yaml' });
    expect(await workspace.move('Shop/Orders/List open copy.yaml', 'Shop/Archive')).toEqual({ path: 'Shop/Archive/List open copy.yaml' });
    expect(await workspace.duplicate('Shop/Orders')).toEqual({ path: 'Shop/Orders copy' });
    expect(await workspace.move('Shop/Orders copy', 'Shop/Archive')).toEqual({ path: 'Shop/Archive/Orders copy' });
    expect(await workspace.rename('Shop', 'Store')).toEqual({ path: 'Store' });

    await workspace.saveRequest({ parent: 'Store/Orders', name: 'Taken', request: http() });
    expect((await failureOf(workspace.rename('Store/Orders/List open.yaml', 'Taken'))).code).toBe('ALREADY_EXISTS');
    expect((await failureOf(workspace.move('Store/Archive', 'Store/Archive/Orders copy'))).code).toBe('VALIDATION');

    expect((await readdir(join(root, 'Store', 'Archive'))).sort()).toEqual(['List open copy.yaml', 'Orders copy', 'folder.yaml']);
    expect((await readdir(join(root, 'Store', 'Archive', 'Orders copy'))).sort()).toEqual(['List open copy 2.yaml', 'List open.yaml', 'folder.yaml']);
    expect((await workspace.readRequest('Store/Orders/List open.yaml')).request).toEqual(http({ url: '/orders' }));
  });

  it('a deleted request or folder comes back with undo, from outside the workspace', async () => {
    const { workspace, root, dataDir } = await shop();
    const before = await readFile(join(root, 'Shop', 'Orders', 'List.yaml'), 'utf8');

    const { undoId } = await workspace.delete('Shop/Orders');

    expect(await readdir(join(root, 'Shop'))).toEqual(['collection.yaml']);
    expect(await readdir(join(dataDir, 'trash'))).toEqual([undoId]);
    expect(await workspace.undoDelete(undoId)).toEqual({ path: 'Shop/Orders' });
    expect(await readFile(join(root, 'Shop', 'Orders', 'List.yaml'), 'utf8')).toBe(before);
    expect((await failureOf(workspace.undoDelete(undoId))).code).toBe('NOT_FOUND');
  });

  it('a save that insists on the revision it loaded is refused once the file changed on disk', async () => {
    const { workspace, root } = await shop();
    const loaded = await workspace.readRequest('Shop/Orders/List.yaml');
    const file = join(root, 'Shop', 'Orders', 'List.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('/orders', '/theirs'));

    const failure = await failureOf(workspace.saveRequest({ path: loaded.path, ifRevision: loaded.revision, request: http({ url: '/mine' }) }));

    expect(failure.code).toBe('CHANGED_ON_DISK');
    expect(await readFile(file, 'utf8')).toContain('/theirs');
  });

  it('tells the tree about changes made on disk, including edits in place after an atomic save', async () => {
    const { workspace, root, changes } = await openTestWorkspace({ watch: true });
    await workspace.createCollection('Shop');
    await workspace.createFolder('Shop', 'Orders');
    // Saved twice: the second save replaces the file (a new inode) by rename, as every save does.
    const saved = await workspace.saveRequest({ parent: 'Shop/Orders', name: 'List', request: http({ url: '/one' }) });
    await workspace.saveRequest({ path: saved.path, request: http({ url: '/two' }) });
    await expect.poll(() => changes.flat()).toContain('Shop/Orders/List.yaml');
    changes.length = 0;

    const file = join(root, 'Shop', 'Orders', 'List.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('/two', '/edited'));

    await expect.poll(() => changes.flat(), { timeout: 2_000 }).toContain('Shop/Orders/List.yaml');
    expect((await workspace.tree()).collections[0]!.children![0]!.children![0]!.url).toBe('/edited');
  });

  it('reports a new folder and a new collection made on disk (as a checkout does)', async () => {
    const { workspace, root, changes } = await openTestWorkspace({ watch: true });
    await workspace.createCollection('Shop');
    await expect.poll(async () => (await stat(join(root, 'Shop', 'collection.yaml'))).isFile()).toBe(true);

    await mkdir(join(root, 'Shop', 'Refunds'));
    await writeFile(join(root, 'Shop', 'Refunds', 'Refund.yaml'), REQUEST);
    await mkdir(join(root, 'Billing'));
    await writeFile(join(root, 'Billing', 'collection.yaml'), 'kind: collection\nformatVersion: 1\n');

    // Within 2 s: the new collection, and the new folder (or the file in it, whichever the watch saw first).
    await expect.poll(() => changes.flat().includes('Billing') && changes.flat().some((path) => path.startsWith('Shop/Refunds')), { timeout: 2_000 }).toBe(true);
    const tree = await workspace.tree();
    expect(tree.collections.map((collection) => collection.name)).toEqual(['Billing', 'Shop']);
  });
});
