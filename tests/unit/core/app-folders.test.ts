// Where a Windows installation keeps things: the data folder in the roaming profile (%APPDATA%, the
// default), the gigabytes of opened package media in the local one (%LOCALAPPDATA%), so a domain
// profile does not copy them to the server at every sign-out. Checked with path.win32 on Linux.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, packagesRoot } from '../../../src-main/app/paths';

const env = { APPDATA: 'C:\\Users\\张三\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\张三\\AppData\\Local' };

describe('application folders on Windows', () => {
  it('puts opened package media in the local application-data folder for the default data folder', () => {
    const dataDir = defaultDataDir(env, 'win32');
    expect(dataDir).toBe('C:\\Users\\张三\\AppData\\Roaming\\Kepu Review');
    expect(packagesRoot(dataDir, env, 'win32')).toBe('C:\\Users\\张三\\AppData\\Local\\Kepu Review\\packages');
    // Drive letter and case as another caller spelled them: still the default folder.
    expect(packagesRoot('c:\\users\\张三\\appdata\\roaming\\Kepu Review\\', env, 'win32')).toBe('C:\\Users\\张三\\AppData\\Local\\Kepu Review\\packages');
  });

  it('keeps them inside a data folder chosen by hand, and everywhere else', () => {
    expect(packagesRoot('D:\\评审数据', env, 'win32')).toBe(path.join('D:\\评审数据', 'packages'));
    expect(packagesRoot(defaultDataDir(env, 'win32'), { ...env, KEPU_DATA_DIR: 'D:\\x' }, 'win32')).toBe(path.join(defaultDataDir(env, 'win32'), 'packages'));
    expect(packagesRoot('/home/u/.config/Kepu Review', env, 'linux')).toBe('/home/u/.config/Kepu Review/packages');
  });
});
