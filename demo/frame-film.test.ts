import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameFilm } from './frame-film';

const hasFfmpeg = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
let directory: string | undefined;
afterEach(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

describe('FrameFilm.concatList', () => {
  it('shows each frame until the next one, and the last until the end', () => {
    const list = FrameFilm.concatList(
      [
        { file: '/tmp/x/frame-000000.jpg', at: 1_000 },
        { file: '/tmp/x/frame-000001.jpg', at: 1_250 },
        { file: '/tmp/x/frame-000002.jpg', at: 4_000 },
      ],
      6_500,
    );
    expect(list).toBe(
      [
        'ffconcat version 1.0',
        "file 'frame-000000.jpg'",
        'duration 0.250',
        "file 'frame-000001.jpg'",
        'duration 2.750',
        "file 'frame-000002.jpg'",
        'duration 2.500',
        "file 'frame-000002.jpg'",
        '',
      ].join('\n'),
    );
  });
});

describe.skipIf(!hasFfmpeg)('FrameFilm.encode (needs ffmpeg)', () => {
  it('keeps the last frame of a burst and encodes a film as long as the run', async () => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'frame-film-'));
    const jpeg = path.join(directory, 'source.jpg');
    expect(spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=orange:s=64x40', '-frames:v', '1', '-y', jpeg]).status).toBe(0);
    const frame = readFileSync(jpeg);
    let clock = 0;
    const film = new FrameFilm(path.join(directory), () => clock);
    film.addFrame(frame); // t=0: kept
    clock = 30;
    film.addFrame(frame); // a burst: waits
    clock = 60;
    film.addFrame(frame); // replaces the waiting one
    clock = 2_000;
    const output = path.join(directory, 'film.webm');

    expect(await film.encode(output, { width: 64, height: 40 })).toEqual({ ok: true });

    expect(readdirSync(directory).filter((name) => name.startsWith('frame-'))).toHaveLength(2);
    const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', output], { encoding: 'utf8' });
    expect(Number(probe.stdout)).toBeGreaterThan(1.8);
    expect(Number(probe.stdout)).toBeLessThan(2.3);
  });
});
