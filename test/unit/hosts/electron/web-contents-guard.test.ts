import { describe, expect, it, vi } from 'vitest';
import { guardWebContents } from '../../../../main/hosts/electron/web-contents-guard.ts';
import { FakeWebContents } from './fake-electron.ts';

vi.mock('electron', () => ({ shell: { openExternal: vi.fn(() => Promise.resolve()) } }));
const { shell } = await import('electron');
const { openExternalLink } = await import('../../../../main/hosts/electron/external-links.ts');

function guardedContents() {
  const contents = new FakeWebContents();
  guardWebContents(contents.asWebContents(), openExternalLink);
  return contents;
}

describe('every webContents is kept on the app origin', () => {
  it('blocks navigation to another origin or scheme', () => {
    const contents = guardedContents();

    for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'data:text/html,hi']) {
      expect(contents.attempt('will-navigate', url), url).toEqual({ prevented: true });
    }
  });

  it('lets the app navigate within its own origin', () => {
    const contents = guardedContents();

    expect(contents.attempt('will-navigate', 'app://shuttle/index.html')).toEqual({ prevented: false });
    expect(contents.attempt('will-navigate', 'app://shuttle/settings')).toEqual({ prevented: false });
  });

  it('blocks a redirect that would leave the app origin', () => {
    const contents = guardedContents();

    expect(contents.attempt('will-redirect', 'https://evil.example/')).toEqual({ prevented: true });
    expect(contents.attempt('will-redirect', 'app://shuttle/index.html')).toEqual({ prevented: false });
  });

  it('never attaches a <webview>', () => {
    expect(guardedContents().attempt('will-attach-webview', 'https://example.com/')).toEqual({ prevented: true });
  });
});

describe('window.open', () => {
  it('is always denied; http(s) links open in the system browser instead', () => {
    vi.mocked(shell.openExternal).mockClear();
    const contents = guardedContents();

    expect(contents.open('https://example.com/docs')).toEqual({ action: 'deny' });
    expect(contents.open('http://localhost:3000/')).toEqual({ action: 'deny' });
    expect(vi.mocked(shell.openExternal).mock.calls).toEqual([['https://example.com/docs'], ['http://localhost:3000/']]);
  });

  it('hands nothing else to the operating system', () => {
    vi.mocked(shell.openExternal).mockClear();
    const contents = guardedContents();

    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'app://shuttle/index.html', 'not a url']) {
      expect(contents.open(url), url).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
