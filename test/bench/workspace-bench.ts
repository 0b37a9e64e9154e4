/**
 * A big workspace (QUALITY.md: 5,000 requests in 300 folders → tree ready < 1 s; filter
 * keystroke-to-result < 100 ms). Called by run.ts; method in docs/benchmarks.md.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { filterTree } from '../../shared/workspace/tree-filter.ts';
import { createRequestVariables } from '../../main/engine/vars/request-variables.ts';
import { createFileSecretStore } from '../../main/store/secrets/file-secret-store.ts';
import { Workspace } from '../../main/store/workspace/workspace.ts';
import { WorkspaceService } from '../../main/store/workspace/workspace-service.ts';

const COLLECTIONS = 4;
/** Per collection: 15 top folders with 4 sub-folders each = 75 folders; 300 in all. */
const TOP_FOLDERS = 15;
const SUB_FOLDERS = 4;
const REQUESTS = 5_000;
const COLD_ROUNDS = 5;
const RESOLUTIONS = 2_000;
const METHODS = ['GET', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const NOUNS = ['orders', 'users', 'invoices', 'payments', 'shipments', 'accounts', 'sessions', 'reports', 'products', 'refunds'];
/** What a person types into the filter, one keystroke at a time (and then deletes). */
const TYPED = ['r', 're', 'ref', 'refu', 'refun', 'refund', 'refund 4', 'refund 42', 'refund 4', 'refund', '{{', 'status=', 'invoice', 'zzz-no-match'];

export async function workspaceBench() {
  const dataDir = await mkdtemp(join(tmpdir(), 'shuttle-bench-workspace-'));
  const root = join(dataDir, 'workspace');
  try {
    const folders = await generate(root);
    const secrets = createFileSecretStore(dataDir);

    // Cold: a new Workspace each round (nothing cached in Shuttle; the OS page cache is warm after the first).
    const cold: number[] = [];
    let tree = undefined as Awaited<ReturnType<Workspace['tree']>> | undefined;
    for (let round = 0; round < COLD_ROUNDS; round++) {
      const start = performance.now();
      const workspace = await Workspace.open({ root, dataDir, secrets, watch: false });
      tree = await workspace.tree();
      // What the UI receives: the tree as JSON.
      JSON.parse(JSON.stringify(tree));
      cold.push(performance.now() - start);
      await workspace.close();
    }

    // After one file changes on disk (a save, a git pull): only that file is read again.
    const workspace = await Workspace.open({ root, dataDir, secrets, watch: false });
    await workspace.tree();
    const changed = join(root, 'Shop 1', 'orders 1', 'orders 1.1', 'request 1.yaml');
    await writeFile(changed, (await readFile(changed, 'utf8')).replace('method: GET', 'method: HEAD'));
    const rescanStart = performance.now();
    const rescanned = JSON.stringify(await workspace.tree({ fresh: true })).includes('"method":"HEAD"');
    const rescanMs = performance.now() - rescanStart;
    await workspace.close();

    const resolveUs = await variableResolution(dataDir, root);

    const keystrokes = TYPED.map((query) => {
      const start = performance.now();
      const result = filterTree(tree!.collections, query);
      return { query, ms: performance.now() - start, matches: result.matches };
    });
    const filterTimes = keystrokes.map((keystroke) => keystroke.ms);

    return {
      what: `${countRequests(tree!)} requests in ${folders} folders (${COLLECTIONS} collections, folders two deep), YAML files on local disk`,
      requests: countRequests(tree!),
      folders,
      problems: tree!.problems.length,
      treeReadyColdMs: { median: round1(median(cold)), max: round1(Math.max(...cold)), rounds: COLD_ROUNDS, target: '< 1000' },
      treeAfterOneFileChangedMs: round1(rescanMs),
      rescanSawTheChange: rescanned,
      variableResolutionUsPerSend: {
        ...resolveUs,
        what: 'a saved request two folders deep: workspace, collection, environment (with a secret), two folders and the request read and merged, headers and auth inherited, 4 references resolved',
      },
      filterKeystrokeMs: {
        max: round2(Math.max(...filterTimes)),
        median: round2(median(filterTimes)),
        keystrokes: keystrokes.map(({ query, ms, matches }) => ({ query, ms: round2(ms), matches })),
        target: '< 100',
      },
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** What resolving a saved request's variables adds to each send (the engine does it before every send from a collection). */
async function variableResolution(dataDir: string, root: string): Promise<{ median: number; p95: number }> {
  const workspaces = new WorkspaceService({ dataDir, secrets: createFileSecretStore(dataDir), onChange: () => undefined, watch: false });
  try {
    const workspace = await workspaces.open(root);
    await workspace.saveEnvironment('Shop 1', {
      name: 'local',
      variables: [
        { name: 'baseUrl', value: 'http://127.0.0.1:3000', enabled: true, secret: false },
        { name: 'token', value: 'secret-token', enabled: true, secret: true },
      ],
    });
    await workspaces.selectEnvironment('Shop 1', 'local');
    await workspace.saveSettings('Shop 1', { variables: [], headers: [{ name: 'Accept', value: 'application/json', enabled: true }], auth: { type: 'bearer', token: '{{token}}' } });
    const variables = createRequestVariables(workspaces);
    const requestPath = 'Shop 1/orders 1/orders 1.1/request 2.yaml';
    const read = await workspace.readRequest(requestPath);
    if (read.request.kind !== 'http') throw new Error('expected an HTTP request');
    const spec = read.request.spec;
    const times: number[] = [];
    for (let i = 0; i < RESOLUTIONS; i++) {
      const start = performance.now();
      const resolved = await variables.resolveHttp(spec, { requestPath });
      times.push((performance.now() - start) * 1000);
      if (i === 0 && !resolved.url.startsWith('http://127.0.0.1:3000/')) throw new Error(`not resolved: ${resolved.url}`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { median: Math.round(median(times)), p95: Math.round(sorted[Math.floor(sorted.length * 0.95)]!) };
  } finally {
    await workspaces.close();
  }
}

async function generate(root: string): Promise<number> {
  let folders = 0;
  const leaves: string[] = [];
  for (let c = 1; c <= COLLECTIONS; c++) {
    const collection = join(root, `Shop ${c}`);
    await mkdir(collection, { recursive: true });
    await writeFile(join(collection, 'collection.yaml'), 'kind: collection\nformatVersion: 1\nheaders:\n  - name: Accept\n    value: application/json\n');
    for (let t = 1; t <= TOP_FOLDERS; t++) {
      const noun = NOUNS[(t - 1) % NOUNS.length]!;
      const top = join(collection, `${noun} ${t}`);
      await mkdir(top);
      await writeFile(join(top, 'folder.yaml'), 'kind: folder\nformatVersion: 1\n');
      folders += 1;
      for (let s = 1; s <= SUB_FOLDERS; s++) {
        const sub = join(top, `${noun} ${t}.${s}`);
        await mkdir(sub);
        await writeFile(join(sub, 'folder.yaml'), 'kind: folder\nformatVersion: 1\n');
        folders += 1;
        leaves.push(sub);
      }
    }
  }
  const writes: Promise<void>[] = [];
  for (let n = 0; n < REQUESTS; n++) {
    const folder = leaves[n % leaves.length]!;
    const noun = NOUNS[n % NOUNS.length]!;
    const method = METHODS[n % METHODS.length]!;
    const index = Math.floor(n / leaves.length) + 1;
    const body = method === 'GET' || method === 'DELETE' ? '' : `body:\n  mode: json\n  text: |\n    {\n      "id": ${n},\n      "note": "${noun} ${n}"\n    }\n`;
    writes.push(
      writeFile(
        join(folder, `request ${index}.yaml`),
        `kind: http\nformatVersion: 1\nmethod: ${method}\nurl: "{{baseUrl}}/${noun}/${n}?status=open"\nheaders:\n  - name: X-Trace\n    value: "{{$uuid}}"\n${body}auth:\n  type: inherit\n`,
      ),
    );
    if (writes.length >= 200) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return folders;
}

function countRequests(tree: { collections: { kind: string; children?: unknown[] }[] }): number {
  let count = 0;
  const walk = (node: { kind: string; children?: unknown[] }) => {
    if (node.kind === 'request') count += 1;
    for (const child of node.children ?? []) walk(child as { kind: string; children?: unknown[] });
  };
  tree.collections.forEach(walk);
  return count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

if (import.meta.main) console.log(JSON.stringify(await workspaceBench(), null, 2));
