// The guarded open that both shells serve media through, on real files: a file replaced by a
// symbolic link, or changed in size or time since it was checked, is never opened.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileStateOf, openRegularFile } from '../../../src-main/core/media/guarded-open';
import { tempDir } from '../../helpers';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function linkedFile(name: string, bytes = Buffer.alloc(1000, 7)) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const stat = fs.statSync(file);
  return { file, facts: { sizeBytes: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) } };
}

describe('opening a linked media file', () => {
  it('opens an unchanged regular file and reads from that descriptor', () => {
    const { file, facts } = linkedFile('clip.mp4');
    const opened = openRegularFile(file, facts);
    try {
      expect(opened.stat.size).toBe(1000);
      const buffer = Buffer.alloc(10);
      fs.readSync(opened.fd, buffer, 0, 10, 0);
      expect(buffer.equals(Buffer.alloc(10, 7))).toBe(true);
    } finally {
      fs.closeSync(opened.fd);
    }
    expect(fileStateOf(file, facts)).toBe('ok');
  });

  it('refuses a file replaced by a symbolic link, even one with the same size and time', () => {
    const secret = linkedFile('secret.txt', Buffer.from('root:x:0:0:root:/root:/bin/bash\n'));
    const { file } = linkedFile('work.mp4');
    fs.rmSync(file);
    fs.symlinkSync(secret.file, file);
    expect(() => openRegularFile(file, secret.facts)).toThrow(expect.objectContaining({ code: 'MEDIA_FILE_REFUSED' }));
    expect(() => openRegularFile(file)).toThrow(expect.objectContaining({ code: 'MEDIA_FILE_REFUSED' }));
    expect(fileStateOf(file, secret.facts)).toBe('refused');
  });

  it('refuses a folder at the path', () => {
    const folder = path.join(dir, 'folder.mp4');
    fs.mkdirSync(folder);
    expect(() => openRegularFile(folder)).toThrow(expect.objectContaining({ code: 'MEDIA_FILE_REFUSED' }));
  });

  it('refuses a file whose size or mtime changed since it was checked', () => {
    const grown = linkedFile('grown.mp4');
    fs.appendFileSync(grown.file, 'more');
    expect(() => openRegularFile(grown.file, grown.facts)).toThrow(expect.objectContaining({ code: 'MEDIA_FILE_CHANGED', params: { file: 'grown.mp4' } }));
    expect(fileStateOf(grown.file, grown.facts)).toBe('changed');

    const touched = linkedFile('touched.mp4');
    const later = new Date(touched.facts.mtimeMs + 60_000);
    fs.utimesSync(touched.file, later, later);
    expect(() => openRegularFile(touched.file, touched.facts)).toThrow(expect.objectContaining({ code: 'MEDIA_FILE_CHANGED' }));
  });

  it('says a vanished file is missing', () => {
    const gone = linkedFile('gone.mp4');
    fs.rmSync(gone.file);
    expect(() => openRegularFile(gone.file, gone.facts)).toThrow(expect.objectContaining({ code: 'MEDIA_FILE_MISSING' }));
    expect(fileStateOf(gone.file, gone.facts)).toBe('missing');
  });
});
