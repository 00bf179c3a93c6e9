/** Undo steps run once, last added first, each even if an earlier one failed (Ctrl-C and normal exit share it). */
export class CleanupStack {
  private readonly tasks: { name: string; run: () => Promise<unknown> }[] = [];
  private running: Promise<void> | undefined;

  add(name: string, run: () => Promise<unknown>): void {
    this.tasks.push({ name, run });
  }

  runAll(): Promise<void> {
    this.running ??= (async () => {
      for (const task of this.tasks.reverse()) {
        try {
          await task.run();
        } catch (error) {
          console.error(`demo: could not ${task.name}: ${(error as Error).message}`);
        }
      }
    })();
    return this.running;
  }
}
