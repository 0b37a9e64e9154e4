/**
 * The one CSP both hosts serve the renderer with: no eval, no inline scripts, no remote code.
 * Inline styles stay allowed because CodeMirror injects its theme as <style> elements.
 * `connectSrc` is the host's own event socket (the web host); Electron needs none.
 */
export function contentSecurityPolicy(connectSrc: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connectSrc.map((src) => ` ${src}`).join('')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
