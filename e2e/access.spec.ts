import { expect, test } from '@playwright/test';
import { PROTECTED_CONSOLE_PASSWORD, PROTECTED_CONSOLE_URL } from './access-env';

test.use({ baseURL: PROTECTED_CONSOLE_URL });

test('with CONSOLE_PASSWORD every page asks for the password first, then sets a signed HttpOnly SameSite=Strict cookie', async ({ page, context }) => {
  await page.goto('/buckets?tab=x');
  await expect(page).toHaveURL(/\/login\?next=%2Fbuckets%3Ftab%3Dx$/);
  const password = page.getByLabel('Console password');
  await password.fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#password-error')).toHaveText('That password is not correct.');
  expect(await context.cookies()).toEqual([]);

  await page.getByLabel('Console password').fill(PROTECTED_CONSOLE_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/buckets\?tab=x$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 's3rc_session', httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
  expect(cookie.value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);

  // Route handlers answer with the cookie; a forged one is refused.
  expect((await page.request.get('/api/buckets')).status()).toBe(200);
  await context.addCookies([{ ...cookie, value: `${cookie.value.slice(0, -2)}AA` }]);
  expect((await page.request.get('/api/buckets')).status()).toBe(401);
  await context.addCookies([cookie]);

  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  await page.goto('/iam');
  await expect(page).toHaveURL(/\/login\?next=%2Fiam$/);
});

test('route handlers answer 401 without a session; the health check stays open', async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: PROTECTED_CONSOLE_URL });
  const refused = await anonymous.get('/api/buckets');
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: 'Unauthorized', message: 'Sign in to the console first.' } });
  expect((await anonymous.get('/api/health')).status()).toBe(200);
  await anonymous.dispose();
});

test('the sixth sign-in attempt in a minute from one address gets 429 with a message', async ({ playwright }) => {
  const client = await playwright.request.newContext({ baseURL: PROTECTED_CONSOLE_URL, extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.77' } });
  for (let i = 0; i < 5; i += 1) {
    const attempt = await client.post('/login/submit', { form: { password: `guess-${i}` }, maxRedirects: 0 });
    expect(attempt.status()).toBe(303);
  }
  const limited = await client.post('/login/submit', { form: { password: PROTECTED_CONSOLE_PASSWORD }, maxRedirects: 0 });
  expect(limited.status()).toBe(429);
  expect(await limited.text()).toContain('Too many sign-in attempts.');
  expect(limited.headers()['set-cookie']).toBeUndefined();
  await client.dispose();
});
