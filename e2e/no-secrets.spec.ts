import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_CREDENTIALS } from './e2e-env';

/** Every file Next serves to browsers, from the build the web server just made. */
function staticFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test('no secret reaches the browser bundle (.next/static)', () => {
  const root = path.join(process.cwd(), '.next', 'static');
  expect(existsSync(root), 'the web server builds the console before the tests run').toBe(true);
  const secrets = Object.entries({
    EMULATOR_SECRET_ACCESS_KEY: E2E_CREDENTIALS.secretAccessKey,
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY,
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID,
    AWS_SESSION_TOKEN: process.env.AWS_SESSION_TOKEN,
    CONSOLE_PASSWORD: process.env.CONSOLE_PASSWORD,
    CONSOLE_SESSION_SECRET: process.env.CONSOLE_SESSION_SECRET,
  }).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length >= 8);
  const files = staticFiles(root);
  expect(files.length).toBeGreaterThan(0);
  const leaks: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const [name, value] of secrets) if (bytes.includes(value)) leaks.push(`${name} in ${path.relative(root, file)}`);
  }
  expect(leaks).toEqual([]);
});
