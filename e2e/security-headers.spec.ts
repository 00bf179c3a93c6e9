import { expect, test } from '@playwright/test';

test('pages carry a nonce CSP, nosniff, a referrer policy and no framing, and run without CSP violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/buckets');
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');

  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  // Every script the server renders carries the nonce; chunks that Next's loader inserts later (lazy components) are
  // trusted through 'strict-dynamic', which the no-violation check below covers.
  const html = (await response?.text()) ?? '';
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  expect(scriptTags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  // Hydrated: client navigation works under the policy.
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  await page.getByRole('link', { name: 'IAM' }).first().click();
  await expect(page).toHaveURL(/\/iam/);
  expect(violations).toEqual([]);
});

test('the login page explains that no password is set on a loopback-only console', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('No console password is set')).toBeVisible();
});
