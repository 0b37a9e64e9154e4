import { describe, expect, it } from 'vitest';
import { dataDirArgument } from '../../../../main/hosts/electron/command-line.ts';

describe('--data-dir in Electron argv', () => {
  it('is found in either form, among the binary, the app path and Chromium switches', () => {
    expect(dataDirArgument(['/usr/bin/electron', '/app', '--no-sandbox', '--data-dir', '/tmp/d1'])).toBe('/tmp/d1');
    expect(dataDirArgument(['/opt/Shuttle/shuttle', '--data-dir=/tmp/d2', '--enable-logging'])).toBe('/tmp/d2');
  });

  it('is absent when not given (the data dir then comes from SHUTTLE_DATA_DIR or the platform default)', () => {
    expect(dataDirArgument(['/usr/bin/electron', '/app'])).toBeUndefined();
    expect(dataDirArgument(['/usr/bin/electron', '/app', '--data-dir='])).toBeUndefined();
    expect(dataDirArgument(['/usr/bin/electron', '/app', '--data-dir'])).toBeUndefined();
  });
});
