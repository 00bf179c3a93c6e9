/** Liveness of the console process itself (used by scripts/start.mjs); touches no backend. */
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
