import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecordedStep, ReportEntry } from './recorder';

export type DemoRun = {
  startedAt: Date;
  finishedAt: Date;
  /** Undefined when every step passed. */
  failure?: { step: string; message: string };
  consoleUrl: string;
  endpointUrl: string;
  browser: string;
  steps: readonly RecordedStep[];
  /** Relative to the report; null when no video was made, with `videoNote` saying why. */
  videoFile: string | null;
  videoNote: string;
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

/** A file name in the report's own directory, as a relative URL (never a path outside it, never a scheme). */
function localHref(file: string): string {
  if (file !== path.basename(file) || file.includes(':')) throw new Error(`report files must sit beside index.html: ${file}`);
  return encodeURIComponent(file);
}

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#16191f;background:#f2f3f3;margin:0}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:40px 0 12px;border-top:1px solid #d5dbdb;padding-top:24px}
.meta{color:#545b64;margin:0 0 16px}.meta code{font-size:14px}
.banner{border-radius:12px;padding:12px 16px;margin:16px 0;font-weight:600}
.ok{background:#e9f7ec;border:2px solid #1d8102}.failed{background:#fdecea;border:2px solid #d13212}
.failed pre{font-weight:400}
nav ol{padding-left:24px}nav a{color:#0073bb}
figure{margin:16px 0;background:#fff;border:1px solid #d5dbdb;border-radius:12px;padding:12px}
figure img{display:block;max-width:100%;height:auto;border:1px solid #eaeded;border-radius:6px}
figcaption{margin-top:8px;font-weight:600}figcaption span{color:#545b64;font-weight:400}
.command{background:#fff;border:1px solid #d5dbdb;border-radius:12px;padding:12px;margin:16px 0}
pre{background:#232f3e;color:#f2f3f3;padding:12px;border-radius:8px;overflow-x:auto;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-all}
.prompt{color:#ec7211}.exit{color:#545b64;font-size:14px}
.note{background:#f1faff;border-left:4px solid #0073bb;padding:8px 12px;border-radius:4px}
video{max-width:100%;border-radius:8px;background:#000}
`;

function renderEntry(entry: ReportEntry, figureNumber: () => number): string {
  switch (entry.kind) {
    case 'screenshot': {
      const href = localHref(entry.file);
      return `<figure><a href="${href}"><img src="${href}" alt="${escapeHtml(entry.caption)}" loading="lazy"></a><figcaption><span>Figure ${figureNumber()}.</span> ${escapeHtml(entry.caption)}</figcaption></figure>`;
    }
    case 'command':
      return `<div class="command"><p><strong>${escapeHtml(entry.caption)}</strong></p><pre><span class="prompt">$</span> ${escapeHtml(entry.command)}\n${escapeHtml(entry.output.trimEnd())}</pre><p class="exit">exit code ${entry.exitCode}</p></div>`;
    case 'note':
      return `<p class="note">${escapeHtml(entry.text)}</p>`;
  }
}

function renderOutcome(run: DemoRun): string {
  const seconds = Math.round((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000);
  const took = `the run took ${seconds} s, starting the console and the endpoint included`;
  if (!run.failure) return `<p class="banner ok">All ${run.steps.length} steps passed (${took}).</p>`;
  return `<div class="banner failed"><p>The run stopped at “${escapeHtml(run.failure.step)}” (${took}).</p><pre>${escapeHtml(run.failure.message)}</pre></div>`;
}

/** The report as one self-contained HTML page: inline CSS, images and video by relative path, nothing external. */
export function renderReport(run: DemoRun): string {
  let figures = 0;
  const nextFigure = () => ++figures;
  const toc = run.steps.map((step, index) => `<li><a href="#step-${index + 1}">${escapeHtml(step.title)}</a></li>`).join('');
  const sections = run.steps
    .map(
      (step, index) =>
        `<section id="step-${index + 1}"><h2>${index + 1}. ${escapeHtml(step.title)}</h2>${step.entries.map((entry) => renderEntry(entry, nextFigure)).join('\n')}</section>`,
    )
    .join('\n');
  const firstScreenshot = run.steps.flatMap((step) => step.entries).find((entry) => entry.kind === 'screenshot');
  const poster = firstScreenshot ? ` poster="${localHref(firstScreenshot.file)}"` : '';
  const video = run.videoFile
    ? `<h2>Video of the run</h2><video controls preload="metadata"${poster} src="${localHref(run.videoFile)}"></video><p class="meta">${escapeHtml(run.videoNote)} <a href="${localHref(run.videoFile)}">Open the video file</a>.</p>`
    : `<p class="meta">${escapeHtml(run.videoNote)}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>S3 Cross-Region Replication tutorial: demo run</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>S3 Cross-Region Replication, replayed in the console</h1>
<p class="meta">Run on ${escapeHtml(run.startedAt.toISOString())} in ${escapeHtml(run.browser)} · console <code>${escapeHtml(run.consoleUrl)}</code> · embedded endpoint <code>${escapeHtml(run.endpointUrl)}</code> (a fresh data directory, removed after the run)</p>
${renderOutcome(run)}
<nav aria-label="Steps"><ol>${toc}</ol></nav>
${video}
${sections}
</main>
</body>
</html>
`;
}

export async function writeReport(directory: string, run: DemoRun): Promise<string> {
  const file = path.join(directory, 'index.html');
  await writeFile(file, renderReport(run));
  return file;
}
