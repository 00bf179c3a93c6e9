import type { SaveRefusal } from './save-plan';

/** Collects per-field messages while a plan is checked, and turns them into the refusal the wizard shows. */
export class Refusal {
  readonly fieldErrors: Record<string, string[]> = {};
  add(field: string, message: string): void {
    (this.fieldErrors[field] ??= []).push(message);
  }
  get empty(): boolean {
    return Object.keys(this.fieldErrors).length === 0;
  }
  result(code = 'InvalidInput', message = 'Some choices cannot be saved.'): { ok: false; refusal: SaveRefusal } {
    return { ok: false, refusal: { code, message, fieldErrors: this.fieldErrors } };
  }
}
