import { describe, expect, it } from 'vitest';
import { isWorkspacePath, workspacePathSchema } from '../../../../shared/model/workspace.ts';

describe('workspace paths', () => {
  it('the plain check the engine uses agrees with the schema the contract validates with', () => {
    const paths = [
      'Shop',
      'Shop/Orders/List orders.yaml',
      'workspace.yaml',
      '',
      '/etc/passwd',
      'Shop/../../etc',
      '..',
      'Shop/./x',
      'Shop//x',
      'Shop/',
      'Shop\\x',
      'Shop/x\u0000y',
      'Shop/x\ny',
      'Shop/x\u007f',
      'a'.repeat(4096),
      'a'.repeat(4097),
      '订单/列表.yaml',
    ];
    for (const path of paths) expect(isWorkspacePath(path), JSON.stringify(path)).toBe(workspacePathSchema.safeParse(path).success);
    expect(paths.filter(isWorkspacePath)).toEqual(['Shop', 'Shop/Orders/List orders.yaml', 'workspace.yaml', 'a'.repeat(4096), '订单/列表.yaml']);
  });
});
