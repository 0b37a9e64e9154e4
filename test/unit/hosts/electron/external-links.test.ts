import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ shell: { openExternal: vi.fn(() => Promise.resolve()) } }));
const { shell } = await import('electron');
const { openExternalLink } = await import('../../../../main/hosts/electron/external-links.ts');

describe('openExternalLink', () => {
  it('opens http and https links in the system browser', () => {
    vi.mocked(shell.openExternal).mockClear();

    expect(openExternalLink('https://example.com/a?b=c')).toBe(true);
    expect(openExternalLink('HTTP://Example.com')).toBe(true);
    expect(vi.mocked(shell.openExternal).mock.calls).toEqual([['https://example.com/a?b=c'], ['http://example.com/']]);
  });

  it('refuses every other scheme and anything that is not a URL', () => {
    vi.mocked(shell.openExternal).mockClear();

    const refused = [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'mailto:someone@example.com',
      '//example.com/protocol-relative',
      ' ',
    ];
    for (const url of refused) expect(openExternalLink(url), url).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
