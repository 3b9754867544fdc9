// Folder walks as a Windows or macOS user's folders meet them: OneDrive placeholders (reparse points
// that Node reports as links: neither file nor folder) are taken, real links are not followed, and
// the files operating systems leave beside the works are never linked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../../src-main/cli/commands/probe';
import { isOsJunk } from '../../../src-main/core/files/folder-walk';
import { listFiles, type WalkFs } from '../../../src-main/core/media/link-folder';
import { tempDir } from '../../temp-dirs';

/** A Dirent as Node reports a Windows reparse point: a "link", neither a file nor a folder. */
function asReparsePoint(entry: fs.Dirent): fs.Dirent {
  return Object.assign(Object.create(Object.getPrototypeOf(entry) as object) as fs.Dirent, entry, {
    isFile: () => false,
    isDirectory: () => false,
    isSymbolicLink: () => true,
  });
}

/** The real file system, except that entries named in `placeholders` look like OneDrive on-demand files. */
function oneDriveFs(placeholders: Set<string>): WalkFs {
  const readdirSync = ((dir: string, options: { withFileTypes: true }) =>
    fs.readdirSync(dir, options).map((e) => (placeholders.has(e.name) ? asReparsePoint(e) : e))) as WalkFs['readdirSync'];
  return { readdirSync, statSync: fs.statSync, readlinkSync: fs.readlinkSync };
}

function mediaFolder(): string {
  const root = tempDir();
  const write = (rel: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), 'x');
  };
  write('SC-0001/SC-0001_video.mp4');
  write('SC-0001/OneDrive poster.jpg');
  write('SC-0002 cloud folder/page-1.jpg');
  for (const junk of ['Thumbs.db', 'desktop.ini', '.DS_Store', '~$SC-0001 稿件.docx', '._SC-0001_video.mp4', 'SC-0001/Desktop.ini', '__MACOSX/SC-0001/._x.jpg']) write(junk);
  const outside = tempDir();
  fs.writeFileSync(path.join(outside, 'SC-0003.mp4'), 'x');
  fs.symlinkSync(path.join(outside, 'SC-0003.mp4'), path.join(root, 'SC-0003 link.mp4'));
  fs.symlinkSync(root, path.join(root, 'loop'));
  return root;
}

describe('folder walks on Windows and macOS folders', () => {
  it('takes OneDrive placeholders (files and folders), skips real links and OS junk', () => {
    const root = mediaFolder();
    const files = listFiles(root, () => false, oneDriveFs(new Set(['OneDrive poster.jpg', 'SC-0002 cloud folder'])));
    expect(files.map((f) => path.relative(root, f).split(path.sep).join('/'))).toEqual([
      'SC-0001/OneDrive poster.jpg',
      'SC-0001/SC-0001_video.mp4',
      'SC-0002 cloud folder/page-1.jpg',
    ]);
  });

  it('without the stat of reparse points those works would be lost (the stand-in is really seen as a link)', () => {
    const root = mediaFolder();
    const entry = oneDriveFs(new Set(['OneDrive poster.jpg'])).readdirSync(path.join(root, 'SC-0001'), { withFileTypes: true }).find((e) => e.name === 'OneDrive poster.jpg');
    expect(entry?.isFile()).toBe(false);
    expect(entry?.isDirectory()).toBe(false);
  });

  it('the CLI probe walk leaves the same junk out', () => {
    const root = mediaFolder();
    const names = expandInputs([root]).map((f) => path.basename(f));
    expect(names).not.toContain('Thumbs.db');
    expect(names).not.toContain('desktop.ini');
    expect(names).not.toContain('Desktop.ini');
    expect(names).not.toContain('~$SC-0001 稿件.docx');
    expect(names).toContain('SC-0001_video.mp4');
  });

  it('names junk case-insensitively and leaves works alone', () => {
    for (const name of ['THUMBS.DB', 'Desktop.ini', '.DS_Store', '._a.mp4', '~$报告.docx', '__MACOSX', '$RECYCLE.BIN', 'System Volume Information', 'AlbumArtSmall.jpg', 'AlbumArt_{9A3D1F2B-0C44-4E8E-9D1A-2B3C4D5E6F70}_Large.jpg']) expect(isOsJunk(name)).toBe(true);
    for (const name of ['SC-0001.mp4', '海报.jpg', 'thumbs.db.jpg', 'a~$b.docx', 'AlbumArt 海报.jpg', 'Folder.jpg']) expect(isOsJunk(name)).toBe(false);
  });
});
