import { describe, expect, it, vi } from 'vitest';
import { CleanupStack } from './cleanup';

describe('CleanupStack', () => {
  it('runs every task once, last added first, even after one fails', async () => {
    const order: string[] = [];
    const stack = new CleanupStack();
    stack.add('remove the data directory', async () => void order.push('data'));
    stack.add('stop the servers', async () => {
      order.push('servers');
      throw new Error('already stopped');
    });
    stack.add('close the browser', async () => void order.push('browser'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    await Promise.all([stack.runAll(), stack.runAll()]);
    await stack.runAll();

    expect(order).toEqual(['browser', 'servers', 'data']);
    expect(logged).toHaveBeenCalledWith('demo: could not stop the servers: already stopped');
    logged.mockRestore();
  });
});
