import { describe, expect, it } from 'vitest';
import type { WorkspaceNode } from '../../../../shared/model/workspace.ts';
import { filterTree, findNode, listRequests } from '../../../../shared/workspace/tree-filter.ts';

const request = (path: string, url: string, method = 'GET'): WorkspaceNode => ({ kind: 'request', name: path.split('/').pop()!.replace('.yaml', ''), path, url, method, requestKind: 'http' });
const tree: WorkspaceNode[] = [
  {
    kind: 'collection',
    name: 'Shop',
    path: 'Shop',
    children: [
      { kind: 'folder', name: 'Orders', path: 'Shop/Orders', children: [request('Shop/Orders/List orders.yaml', '{{baseUrl}}/orders'), request('Shop/Orders/Refund.yaml', '/refunds', 'POST')] },
      { kind: 'folder', name: 'Users', path: 'Shop/Users', children: [request('Shop/Users/Me.yaml', '/users/me')] },
    ],
  },
  { kind: 'collection', name: 'Billing', path: 'Billing', children: [request('Billing/Invoices.yaml', '/invoices')] },
];

describe('tree filter', () => {
  it('keeps requests whose name or URL matches, with the folders leading to them open', () => {
    const byName = filterTree(tree, 'list');
    expect(listRequests(byName.nodes).map(({ node }) => node.path)).toEqual(['Shop/Orders/List orders.yaml']);
    expect([...byName.expanded].sort()).toEqual(['Shop', 'Shop/Orders']);
    expect(byName.matches).toBe(1);

    const byUrl = filterTree(tree, '/USERS/');
    expect(listRequests(byUrl.nodes).map(({ node }) => node.path)).toEqual(['Shop/Users/Me.yaml']);
  });

  it('a folder whose name matches keeps everything in it; an empty query keeps the whole tree', () => {
    expect(listRequests(filterTree(tree, 'orders').nodes).map(({ node }) => node.name)).toEqual(['List orders', 'Refund']);
    expect(filterTree(tree, '  ').nodes).toEqual(tree);
    expect(filterTree(tree, 'nothing-like-this').nodes).toEqual([]);
  });

  it('lists requests with their folder trail and finds a node by path', () => {
    expect(listRequests(tree).map(({ node, trail }) => `${trail.join('/')}:${node.name}`)).toEqual([
      'Shop/Orders:List orders',
      'Shop/Orders:Refund',
      'Shop/Users:Me',
      'Billing:Invoices',
    ]);
    expect(findNode(tree, 'Shop/Users/Me.yaml')?.url).toBe('/users/me');
    expect(findNode(tree, 'Shop/Nope')).toBeUndefined();
  });
});
