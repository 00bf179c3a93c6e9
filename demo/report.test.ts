import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReport, type DemoRun } from './report';

const run: DemoRun = {
  startedAt: new Date('2026-11-27T14:00:00Z'),
  finishedAt: new Date('2026-11-27T14:01:05Z'),
  consoleUrl: 'http://127.0.0.1:41000',
  endpointUrl: 'http://127.0.0.1:41001',
  browser: 'Chromium 156',
  videoFile: 'demo.webm',
  videoNote: 'Recorded.',
  steps: [
    {
      title: 'Create the source bucket',
      entries: [
        { kind: 'screenshot', caption: 'Create bucket: jtpbucket', file: '01-create-bucket-jtpbucket.png' },
        { kind: 'screenshot', caption: 'jtpbucket <listed> & "versioned"', file: '02-jtpbucket-listed.png' },
      ],
    },
    {
      title: 'Copy the existing objects',
      entries: [
        { kind: 'note', text: 'The CLI uses the new key.' },
        { kind: 'command', caption: 'aws s3 cp --recursive', command: 'aws s3 cp --recursive s3://a s3://b', output: 'copy: s3://a/x to s3://b/x\n', exitCode: 0 },
        { kind: 'screenshot', caption: 'jtp1bucket holds both files', file: '03-jtp1bucket-holds-both.png' },
      ],
    },
  ],
};

describe('renderReport', () => {
  const html = renderReport(run);

  it('numbers the steps and the figures in order, with their captions', () => {
    expect(html).toContain('<h2>1. Create the source bucket</h2>');
    expect(html).toContain('<h2>2. Copy the existing objects</h2>');
    expect(html).toContain('<span>Figure 1.</span> Create bucket: jtpbucket');
    expect(html).toContain('<span>Figure 3.</span> jtp1bucket holds both files');
    expect(html.indexOf('Figure 1.')).toBeLessThan(html.indexOf('Figure 2.'));
    expect(html).toContain('<a href="#step-2">Copy the existing objects</a>');
  });

  it('escapes captions and command output', () => {
    expect(html).toContain('jtpbucket &lt;listed&gt; &amp; &quot;versioned&quot;');
    expect(html).not.toContain('<listed>');
    expect(html).toContain('<span class="prompt">$</span> aws s3 cp --recursive s3://a s3://b\ncopy: s3://a/x to s3://b/x</pre>');
    expect(escapeHtml(`<a href='x'>`)).toBe('&lt;a href=&#39;x&#39;&gt;');
  });

  it('is self-contained: inline CSS, relative image and video paths, nothing loaded from elsewhere', () => {
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<link|<script|@import|url\(/);
    const sources = [...html.matchAll(/\b(?:src|href|poster)="([^"]*)"/g)].map((match) => match[1]);
    expect(sources).toContain('01-create-bucket-jtpbucket.png');
    expect(sources).toContain('demo.webm');
    expect(html).toContain('poster="01-create-bucket-jtpbucket.png"');
    for (const source of sources) expect(source).toMatch(/^(#step-\d+|[\w.-]+\.(png|webm))$/);
  });

  it('says whether the run passed, and where it stopped when it did not', () => {
    expect(html).toContain('All 2 steps passed (the run took 65 s, starting the console and the endpoint included).');
    const failed = renderReport({ ...run, failure: { step: 'Copy the existing objects', message: 'exit code <1>' }, videoFile: null, videoNote: 'No video: no ffmpeg.' });
    expect(failed).toContain('The run stopped at “Copy the existing objects”');
    expect(failed).toContain('exit code &lt;1&gt;');
    expect(failed).toContain('No video: no ffmpeg.');
    expect(failed).not.toContain('<video');
  });

  it('refuses a file outside the report directory', () => {
    const outside = { ...run, steps: [{ title: 'x', entries: [{ kind: 'screenshot' as const, caption: 'x', file: '../secret.png' }] }] };
    expect(() => renderReport(outside)).toThrow(/beside index.html/);
  });
});
