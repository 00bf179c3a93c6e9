import { expect as playwrightExpect } from '@playwright/test';

/**
 * The steps' assertions wait as a person would: the console polls, and a demo may run beside a build on a small
 * machine, so 20 s instead of Playwright's 5 s.
 */
export const expect = playwrightExpect.configure({ timeout: 20_000 });
