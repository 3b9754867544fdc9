import { describe, expect, it } from 'vitest';
import type { MediaFacts, MediaRules } from '../../../src-main/contract';
import { unprobedOutcome, type ProbeOutcome } from '../../../src-main/core/media/probe';
import { checkFacts, classify, displaySize, isDocumentPath } from '../../../src-main/core/media/rules';

/** The Sichuan template's rules: MP4, 100 MB read as 10^6 bytes, 10 minutes. */
const sichuan: MediaRules = {
  video: {
    containers: ['mp4'],
    maxSizeBytes: 100_000_000,
    sizeUnit: 'MB',
    maxDurationSeconds: 600,
    playableVideoCodecs: ['h264', 'hevc'],
    playableAudioCodecs: ['aac', 'mp3'],
  },
  image: { minWidth: 600, minHeight: 400 },
};
/** The same notice read the other way: 100 MiB. */
const sichuanMiB: MediaRules = { ...sichuan, video: { ...sichuan.video, maxSizeBytes: 100 * 2 ** 20, sizeUnit: 'MiB' } };

function video(overrides: Partial<MediaFacts> = {}): ProbeOutcome {
  return {
    ok: true,
    facts: {
      container: 'mp4', formatName: 'mov,mp4,m4a,3gp,3g2,mj2', durationSeconds: 120, sizeBytes: 20_000_000,
      videoCodec: 'h264', audioCodec: 'aac', width: 1920, height: 1080, frameRate: 25, bitRate: 1_333_333, rotation: 0,
      ...overrides,
    },
  };
}

function image(overrides: Partial<MediaFacts> = {}): ProbeOutcome {
  return video({
    container: 'jpeg', formatName: 'image2', durationSeconds: null, sizeBytes: 80_000, videoCodec: 'mjpeg',
    audioCodec: null, width: 800, height: 600, frameRate: null, bitRate: null, ...overrides,
  });
}

function factsOf(outcome: ProbeOutcome): MediaFacts {
  if (!outcome.ok) throw new Error('test: expected facts');
  return outcome.facts;
}

const codes = (outcome: ProbeOutcome, file = 'work.mp4', rules = sichuan) => checkFacts(file, outcome, rules).violations.map((v) => v.code);

describe('media compliance rules for videos', () => {
  it('passes an H.264/AAC MP4 inside every limit, keeping the facts', () => {
    const check = checkFacts('work.mp4', video(), sichuan);
    expect(check).toMatchObject({ path: 'work.mp4', mediaClass: 'video', verdict: 'pass', violations: [] });
    expect(check.facts?.videoCodec).toBe('h264');
  });

  it('accepts a file of exactly the maximum size and rejects one byte more, in bytes', () => {
    expect(checkFacts('a.mp4', video({ sizeBytes: 100_000_000 }), sichuan).verdict).toBe('pass');
    expect(checkFacts('a.mp4', video({ sizeBytes: 100_000_001 }), sichuan).violations).toEqual([
      { code: 'MEDIA_TOO_LARGE', limit: 100_000_000, actual: 100_000_001 },
    ]);
  });

  it('compares in bytes whichever unit the organiser meant: 100 MiB allows what 100 MB rejects', () => {
    expect(codes(video({ sizeBytes: 104_857_600 }), 'a.mp4', sichuanMiB)).toEqual([]);
    expect(codes(video({ sizeBytes: 104_857_600 }), 'a.mp4', sichuan)).toEqual(['MEDIA_TOO_LARGE']);
    expect(checkFacts('a.mp4', video({ sizeBytes: 104_857_601 }), sichuanMiB).violations).toEqual([
      { code: 'MEDIA_TOO_LARGE', limit: 104_857_600, actual: 104_857_601 },
    ]);
  });

  it('accepts exactly ten minutes and rejects anything longer, in seconds', () => {
    expect(codes(video({ durationSeconds: 600 }))).toEqual([]);
    expect(checkFacts('a.mp4', video({ durationSeconds: 600.04 }), sichuan).violations).toEqual([
      { code: 'MEDIA_TOO_LONG', limit: 600, actual: 600.04 },
    ]);
  });

  it('does not guess a duration it was not told', () => {
    expect(codes(video({ durationSeconds: null }))).toEqual([]);
  });

  it('applies no size or duration limit when the campaign has none', () => {
    const open: MediaRules = { ...sichuan, video: { ...sichuan.video, maxSizeBytes: null, maxDurationSeconds: null } };
    expect(codes(video({ sizeBytes: 5e9, durationSeconds: 7200 }), 'a.mp4', open)).toEqual([]);
  });

  it('names a WebM renamed to .mp4 twice: wrong container and a lying extension', () => {
    const webm = video({ container: 'webm', formatName: 'matroska,webm', videoCodec: 'h264', audioCodec: 'aac' });
    expect(checkFacts('clip.mp4', webm, sichuan).violations).toEqual([
      { code: 'MEDIA_CONTAINER_NOT_ALLOWED', limit: 'mp4', actual: 'webm' },
      { code: 'MEDIA_EXTENSION_MISMATCH', limit: 'mp4', actual: 'webm' },
    ]);
    expect(codes(webm, 'clip.webm')).toEqual(['MEDIA_CONTAINER_NOT_ALLOWED']);
  });

  it('rejects a QuickTime file even when it is named .mp4', () => {
    expect(codes(video({ container: 'mov' }), 'IMG_0001.MP4')).toEqual(['MEDIA_CONTAINER_NOT_ALLOWED', 'MEDIA_EXTENSION_MISMATCH']);
    expect(codes(video({ container: 'mov' }), 'IMG_0001.mov')).toEqual(['MEDIA_CONTAINER_NOT_ALLOWED']);
  });

  it('lists every allowed container in the limit', () => {
    const both: MediaRules = { ...sichuan, video: { ...sichuan.video, containers: ['mp4', 'mov'] } };
    expect(codes(video({ container: 'mov' }), 'a.mov', both)).toEqual([]);
    expect(checkFacts('a.avi', video({ container: 'avi' }), both).violations[0]).toEqual({
      code: 'MEDIA_CONTAINER_NOT_ALLOWED', limit: 'mp4, mov', actual: 'avi',
    });
  });

  it('flags video and audio codecs a browser cannot play, each with the allowed list', () => {
    expect(checkFacts('a.mp4', video({ videoCodec: 'mpeg2video', audioCodec: 'ac3' }), sichuan).violations).toEqual([
      { code: 'MEDIA_VIDEO_CODEC_UNPLAYABLE', limit: 'h264, hevc', actual: 'mpeg2video' },
      { code: 'MEDIA_AUDIO_CODEC_UNPLAYABLE', limit: 'aac, mp3', actual: 'ac3' },
    ]);
    expect(codes(video({ audioCodec: 'mp3' }))).toEqual([]);
  });

  it('does not require an audio track', () => {
    expect(codes(video({ audioCodec: null }))).toEqual([]);
  });

  it('compares containers and codecs without regard to case', () => {
    const upper: MediaRules = { ...sichuan, video: { ...sichuan.video, containers: ['MP4'], playableVideoCodecs: ['H264'], playableAudioCodecs: ['AAC'] } };
    expect(codes(video(), 'a.mp4', upper)).toEqual([]);
  });

  it('reports every broken rule of one file, in a stable order', () => {
    const worst = video({ container: 'matroska', sizeBytes: 2e8, durationSeconds: 900, videoCodec: 'mpeg4', audioCodec: 'pcm_s16le' });
    expect(codes(worst, 'x.mp4')).toEqual([
      'MEDIA_CONTAINER_NOT_ALLOWED', 'MEDIA_EXTENSION_MISMATCH', 'MEDIA_TOO_LARGE', 'MEDIA_TOO_LONG',
      'MEDIA_VIDEO_CODEC_UNPLAYABLE', 'MEDIA_AUDIO_CODEC_UNPLAYABLE',
    ]);
    expect(codes(worst, 'x.mp4')).not.toContain('MEDIA_DUPLICATE');
  });
});

describe('media compliance rules for images, audio and documents', () => {
  it('passes a large enough JPEG and rejects a small PNG with "WxH" limits', () => {
    expect(checkFacts('photo.jpg', image(), sichuan)).toMatchObject({ mediaClass: 'image', verdict: 'pass' });
    const small = image({ container: 'png', formatName: 'png_pipe', videoCodec: 'png', width: 320, height: 200 });
    expect(checkFacts('small.png', small, sichuan).violations).toEqual([
      { code: 'MEDIA_IMAGE_TOO_SMALL', limit: '600x400', actual: '320x200' },
    ]);
  });

  it('accepts an image of exactly the minimum size, and rejects one pixel less on either side', () => {
    expect(codes(image({ width: 600, height: 400 }), 'a.jpg')).toEqual([]);
    expect(codes(image({ width: 599, height: 400 }), 'a.jpg')).toEqual(['MEDIA_IMAGE_TOO_SMALL']);
    expect(codes(image({ width: 600, height: 399 }), 'a.jpg')).toEqual(['MEDIA_IMAGE_TOO_SMALL']);
  });

  it('measures the displayed size: a quarter turn swaps width and height', () => {
    expect(codes(image({ width: 400, height: 600, rotation: 90 }), 'a.jpg')).toEqual([]);
    expect(checkFacts('a.jpg', image({ width: 600, height: 400, rotation: 270 }), sichuan).violations).toEqual([
      { code: 'MEDIA_IMAGE_TOO_SMALL', limit: '600x400', actual: '400x600' },
    ]);
    expect(displaySize(factsOf(image({ width: 640, height: 480, rotation: 180 })))).toEqual({ width: 640, height: 480 });
    expect(displaySize(factsOf(video({ width: 1920, height: 1080, rotation: 90 })))).toEqual({ width: 1080, height: 1920 });
    expect(displaySize(factsOf(video({ width: null })))).toBeNull();
  });

  it('catches a PNG named .jpg, and accepts .jpeg and upper-case extensions for JPEG', () => {
    const png = image({ container: 'png', formatName: 'png_pipe', videoCodec: 'png' });
    expect(checkFacts('poster.jpg', png, sichuan).violations).toEqual([{ code: 'MEDIA_EXTENSION_MISMATCH', limit: 'jpg', actual: 'png' }]);
    expect(codes(image(), 'poster.jpeg')).toEqual([]);
    expect(codes(image(), 'POSTER.JPG')).toEqual([]);
  });

  it('classifies by what was probed: still image, moving video, or sound only', () => {
    expect(classify(factsOf(image()))).toBe('image');
    expect(classify(factsOf(video()))).toBe('video');
    expect(classify(factsOf(video({ videoCodec: null, container: 'mp3' })))).toBe('audio');
    expect(classify(factsOf(video({ videoCodec: null, audioCodec: null, container: 'srt' })))).toBe('other');
  });

  it('checks audio-only files for a playable codec and an honest extension, not for video limits', () => {
    const mp3 = video({ container: 'mp3', formatName: 'mp3', videoCodec: null, audioCodec: 'mp3', sizeBytes: 3e8, durationSeconds: 3600 });
    expect(checkFacts('talk.mp3', mp3, sichuan)).toMatchObject({ mediaClass: 'audio', verdict: 'pass' });
    const alac = video({ container: 'm4a', videoCodec: null, audioCodec: 'alac' });
    expect(checkFacts('talk.wav', alac, sichuan).violations).toEqual([
      { code: 'MEDIA_EXTENSION_MISMATCH', limit: 'wav', actual: 'm4a' },
      { code: 'MEDIA_AUDIO_CODEC_UNPLAYABLE', limit: 'aac, mp3', actual: 'alac' },
    ]);
  });

  it('recognises documents by extension, whatever the case', () => {
    for (const name of ['a.pdf', 'b.TXT', 'c.md', 'd.html', 'e.htm', 'f.doc', 'g.DOCX', 'h.ppt', 'i.pptx', 'j.xls', 'k.xlsx']) {
      expect(isDocumentPath(name)).toBe(true);
    }
    expect(isDocumentPath('video.mp4')).toBe(false);
    expect(isDocumentPath('pdf')).toBe(false);
  });

  it('passes a non-empty document without probing it, and calls an empty one unreadable', () => {
    expect(checkFacts('article.pdf', unprobedOutcome(1234), sichuan)).toMatchObject({
      mediaClass: 'document', verdict: 'pass', violations: [], facts: { sizeBytes: 1234, container: null },
    });
    expect(checkFacts('article.pdf', unprobedOutcome(0), sichuan)).toEqual({
      path: 'article.pdf', mediaClass: 'document', verdict: 'unreadable', violations: [{ code: 'MEDIA_EMPTY', limit: null, actual: 0 }], facts: null,
    });
  });

  it('treats a file as a document when the caller says so, whatever its name', () => {
    expect(checkFacts('scan.png', image({ width: 10, height: 10 }), sichuan, { document: true })).toMatchObject({ mediaClass: 'document', verdict: 'pass' });
  });
});

describe('unreadable files', () => {
  it('carry the probe code, no limit, and the detail as the actual value', () => {
    const truncated: ProbeOutcome = { ok: false, code: 'MEDIA_TRUNCATED', detail: 'box mdat declares 6956 bytes but only 2398 remain' };
    expect(checkFacts('cut.mp4', truncated, sichuan)).toEqual({
      path: 'cut.mp4', mediaClass: 'video', verdict: 'unreadable', facts: null,
      violations: [{ code: 'MEDIA_TRUNCATED', limit: null, actual: 'box mdat declares 6956 bytes but only 2398 remain' }],
    });
  });

  it('are classed by their extension, since nothing could be probed', () => {
    const notMedia: ProbeOutcome = { ok: false, code: 'MEDIA_NOT_MEDIA', detail: 'Invalid data found when processing input' };
    expect(checkFacts('poster.png', notMedia, sichuan).mediaClass).toBe('image');
    expect(checkFacts('song.mp3', notMedia, sichuan).mediaClass).toBe('audio');
    expect(checkFacts('archive.zip', notMedia, sichuan).mediaClass).toBe('other');
  });
});
