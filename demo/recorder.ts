/** What a run of the tutorial records, step by step: screenshots with captions, and command output. */
export type ScreenshotEntry = { kind: 'screenshot'; caption: string; file: string };
export type CommandEntry = { kind: 'command'; caption: string; command: string; output: string; exitCode: number };
export type NoteEntry = { kind: 'note'; text: string };
export type ReportEntry = ScreenshotEntry | CommandEntry | NoteEntry;

export type RecordedStep = { title: string; entries: ReportEntry[] };

/** How a step records what it shows. The demo keeps screenshots; the browser test only keeps the captions. */
export interface StepRecorder {
  /** Captures the page as it is now, under a caption that says what it shows. */
  screenshot(caption: string, options?: { fullPage?: boolean }): Promise<void>;
  command(entry: Omit<CommandEntry, 'kind'>): void;
  note(text: string): void;
}

/** Collects the steps and their entries in order; subclasses decide what a screenshot is. */
export abstract class RunRecord implements StepRecorder {
  readonly steps: RecordedStep[] = [];

  beginStep(title: string): void {
    this.steps.push({ title, entries: [] });
  }

  protected add(entry: ReportEntry): void {
    const current = this.steps.at(-1);
    if (!current) throw new Error('beginStep() must come before the first entry');
    current.entries.push(entry);
  }

  abstract screenshot(caption: string, options?: { fullPage?: boolean }): Promise<void>;

  command(entry: Omit<CommandEntry, 'kind'>): void {
    this.add({ kind: 'command', ...entry });
  }

  note(text: string): void {
    this.add({ kind: 'note', text });
  }
}

/** Records nothing: the browser test runs the same steps for their assertions (its failures come with a trace). */
export const NO_RECORDING: StepRecorder = {
  screenshot: async () => {},
  command: () => {},
  note: () => {},
};
